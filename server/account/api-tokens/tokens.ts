import { randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull, or, type SQL } from "drizzle-orm";
import type { Database } from "@/db";
import { apiTokens, type ApiToken, type ApiTokenScope } from "@/db/schema/api-tokens";
import { users } from "@/db/schema/auth";
import { hashToken } from "../auth/tokens";
import { AppError } from "../../errors";
import { afterCursor, newestFirst } from "../../keyset";
import { toPage, type Paginated, type PaginationInput } from "../../pagination";
import { recordAudit } from "../../platform/audit/audit";
import type { SessionUser } from "../../trpc";
import { MAX_LIVE_API_TOKENS } from "./limits";
import type { ApiTokenView, CreateApiTokenInput } from "./schemas";

/** Every secret starts with this, so a leaked one is recognisable (and secret scanners can match it). */
export const API_TOKEN_PREFIX = "bsk_";
/** Characters of the secret shown after API_TOKEN_PREFIX to tell tokens apart. */
const SHOWN_CHARACTERS = 8;
/** last_used_at moves at most this often, so a busy client does not write on every call. */
export const LAST_USED_RESOLUTION_MS = 60_000;
const DAY_MS = 86_400_000;

/** Who acts on a request, and as which token: what the REST face puts on the tRPC context. */
export interface ApiTokenCaller {
  user: SessionUser;
  apiToken: { id: string; scope: ApiTokenScope };
}

/** Whether a token can still be used at `now` (not revoked, not past its expiry). */
function liveAt(now: Date): SQL | undefined {
  return and(isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)));
}

export function apiTokenView(row: ApiToken, now: Date = new Date()): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    expired: row.expiresAt !== null && row.expiresAt <= now,
  };
}

/** Creates a token for the user and returns its secret, the only time it is seen. At most MAX_LIVE_API_TOKENS live ones. */
export async function createApiToken(
  db: Database,
  actor: { userId: string; ip: string | null },
  input: CreateApiTokenInput,
  now: Date = new Date(),
): Promise<{ token: ApiTokenView; secret: string }> {
  const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.transaction(async (tx) => {
    // Locks the account row, so two creates at the same moment cannot both pass the cap.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for("update");
    const [live] = await tx
      .select({ n: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, actor.userId), liveAt(now)));
    if ((live?.n ?? 0) >= MAX_LIVE_API_TOKENS) {
      throw new AppError("CONFLICT", `You have ${MAX_LIVE_API_TOKENS} live API tokens: revoke one before creating another.`, {
        reason: "api-token.limit-reached",
        details: { limit: MAX_LIVE_API_TOKENS },
      });
    }
    const [inserted] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.userId,
        name: input.name,
        prefix: secret.slice(0, API_TOKEN_PREFIX.length + SHOWN_CHARACTERS),
        tokenHash: hashToken(secret),
        scope: input.scope,
        createdAt: now,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
      })
      .returning();
    if (!inserted) throw new Error("api token insert returned no row");
    await recordAudit(
      tx,
      {
        action: "api-tokens.created",
        actorUserId: actor.userId,
        subjectUserId: actor.userId,
        target: { type: "api-token", id: inserted.id },
        ip: actor.ip,
        details: { name: inserted.name, prefix: inserted.prefix, scope: inserted.scope },
      },
      now,
    );
    return inserted;
  });
  return { token: apiTokenView(row, now), secret };
}

/** The user's tokens that are not revoked (expired ones included, marked), newest first. */
export async function listApiTokens(db: Database, userId: string, page: PaginationInput, now: Date = new Date()): Promise<Paginated<ApiTokenView>> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), afterCursor(apiTokens.createdAt, apiTokens.id, page.cursor)))
    .orderBy(...newestFirst(apiTokens.createdAt, apiTokens.id))
    .limit(page.limit + 1);
  const result = toPage(rows, page.limit, (row) => row.createdAt);
  return { items: result.items.map((row) => apiTokenView(row, now)), nextCursor: result.nextCursor };
}

/** Revokes one of the user's tokens: its next call gets 401. Not found and not yours are the same answer. */
export async function revokeApiToken(db: Database, actor: { userId: string; ip: string | null }, id: string, now: Date = new Date()): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
    if (!row) throw AppError.notFound("API token");
    await recordAudit(
      tx,
      {
        action: "api-tokens.revoked",
        actorUserId: actor.userId,
        subjectUserId: actor.userId,
        target: { type: "api-token", id: row.id },
        ip: actor.ip,
        details: { name: row.name, prefix: row.prefix },
      },
      now,
    );
    return { id: row.id };
  });
}

/**
 * The caller a secret stands for, or null when it is unknown, revoked or expired, or its account is
 * disabled. Token callers have no session: `sessionId` is the empty string, which no session row has.
 */
export async function authenticateApiToken(db: Database, secret: string, now: Date = new Date()): Promise<ApiTokenCaller | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      scope: apiTokens.scope,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(secret)), liveAt(now), isNull(users.disabledAt)))
    .limit(1);
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return {
    user: { id: row.userId, email: row.email, name: row.name, role: row.role, sessionId: "" },
    apiToken: { id: row.tokenId, scope: row.scope },
  };
}
