import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { authTokenPurpose, authTokens, users, type AuthTokenPurpose } from "@/db/schema/auth";
import { AppError } from "../../errors";

/** How long each kind of emailed link stays valid. */
export const TOKEN_TTL_SECONDS: Record<AuthTokenPurpose, number> = {
  verify_email: 24 * 3600,
  reset_password: 3600,
  change_email: 24 * 3600,
  delete_account: 24 * 3600,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/**
 * Creates a single-use token for `email` (the address the link goes to) and returns the raw value.
 * One live link per purpose: the account's earlier links of that purpose stop working.
 */
export async function issueToken(
  db: Database,
  input: { purpose: AuthTokenPurpose; userId: string; email: string; now?: Date },
): Promise<IssuedToken> {
  const now = input.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_SECONDS[input.purpose] * 1000);
  await db.transaction(async (tx) => {
    // Locks the account row, so two links issued at the same moment cannot both stay live.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for("update");
    await revokeOutstandingTokens(tx, input.userId, [input.purpose], now);
    await tx.insert(authTokens).values({
      purpose: input.purpose,
      userId: input.userId,
      email: input.email,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt,
    });
  });
  return { token, expiresAt };
}

/** Ends the account's unused links of `purposes` (all by default); returns how many. */
export async function revokeOutstandingTokens(
  db: Database,
  userId: string,
  purposes: readonly AuthTokenPurpose[] = authTokenPurpose.enumValues,
  now: Date = new Date(),
): Promise<number> {
  const rows = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.userId, userId), inArray(authTokens.purpose, [...purposes]), isNull(authTokens.usedAt)))
    .returning({ id: authTokens.id });
  return rows.length;
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
    .where(liveToken(purpose, token, now))
    .returning({ userId: authTokens.userId, email: authTokens.email });
  if (!row) throw invalidLink();
  return row;
}

/**
 * Throws the answer `consumeToken` would give when `token` is not live, without spending it: for
 * work too costly to do for a made-up link (hashing a new password) before the link is spent.
 */
export async function assertLiveToken(db: Database, purpose: AuthTokenPurpose, token: string, now: Date = new Date()): Promise<void> {
  const [row] = await db.select({ id: authTokens.id }).from(authTokens).where(liveToken(purpose, token, now)).limit(1);
  if (!row) throw invalidLink();
}

const liveToken = (purpose: AuthTokenPurpose, token: string, now: Date) =>
  and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now));

const invalidLink = () => AppError.field("token", "This link is invalid, was already used or has expired. Ask for a new one.");
