import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ownerColumn } from "./auth";

/** What a personal API token may do on /api/v1: "read" calls queries only, "write" mutations too. */
export const API_TOKEN_SCOPES = ["read", "write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/**
 * Personal API tokens for the REST face (/api/v1). Only the SHA-256 of the secret is stored; the
 * prefix (the first characters of the secret, e.g. "bsk_ab12cd") is shown so a user can tell tokens apart.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    scope: text("scope", { enum: API_TOKEN_SCOPES }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Updated at most once per LAST_USED_RESOLUTION_MS (server/account/api-tokens/tokens.ts). */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_tokens_hash_idx").on(t.tokenHash), index("api_tokens_user_created_idx").on(t.userId, t.createdAt)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
