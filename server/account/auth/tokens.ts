import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { authTokens, type AuthTokenPurpose } from "@/db/schema/auth";
import { AppError } from "../../errors";

/** How long each kind of emailed link stays valid. */
export const TOKEN_TTL_SECONDS: Record<AuthTokenPurpose, number> = {
  verify_email: 24 * 3600,
  reset_password: 3600,
  change_email: 24 * 3600,
};

/** Purposes where a newer link replaces the older ones (only the latest reset link works). */
const SUPERSEDES_EARLIER: ReadonlySet<AuthTokenPurpose> = new Set(["reset_password", "change_email"]);

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** Creates a single-use token for `email` (the address the link goes to) and returns the raw value. */
export async function issueToken(
  db: Database,
  input: { purpose: AuthTokenPurpose; userId: string; email: string; now?: Date },
): Promise<IssuedToken> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_SECONDS[input.purpose] * 1000);
  if (SUPERSEDES_EARLIER.has(input.purpose)) {
    await db
      .update(authTokens)
      .set({ usedAt: now })
      .where(and(eq(authTokens.userId, input.userId), eq(authTokens.purpose, input.purpose), isNull(authTokens.usedAt)));
  }
  await db.insert(authTokens).values({
    purpose: input.purpose,
    userId: input.userId,
    email: input.email,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

export interface ConsumedToken {
  userId: string;
  email: string;
}

/**
 * Marks the token used and returns who it was for. One atomic update, so a link works once
 * even when it is opened twice at the same moment. Unknown, used and expired tokens all get
 * the same BAD_REQUEST.
 */
export async function consumeToken(db: Database, purpose: AuthTokenPurpose, token: string, now: Date = new Date()): Promise<ConsumedToken> {
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
    .returning({ userId: authTokens.userId, email: authTokens.email });
  if (!row) throw AppError.field("token", "This link is invalid, was already used or has expired. Ask for a new one.");
  return row;
}
