import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { oneOf } from "./_columns";
import { ownerColumn } from "./auth";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** The statuses in which a connection holds its provider account (at most one per account: provider_connections_live_external_uq). */
export const LIVE_CONNECTION_STATUSES = ["pending", "active", "error"] as const;

/** One user's link to one provider: tokens (encrypted), status and sync bookkeeping. */
export const providerConnections = pgTable(
  "provider_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    provider: text("provider").notNull(),
    externalUserId: text("external_user_id"),
    /** pending → active; error (needs attention); disconnected by the user; revoked by the provider. */
    status: text("status", { enum: ["pending", "active", "error", "disconnected", "revoked"] }).notNull().default("pending"),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    /** AES-256-GCM envelopes (see server/platform/crypto.ts), with the key id inside. */
    accessTokenEnc: text("access_token_enc"),
    refreshTokenEnc: text("refresh_token_enc"),
    tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true }),
    autoSync: boolean("auto_sync").notNull().default(true),
    lastSyncAt: timestamp("last_sync_at", { withTimezone: true }),
    lastError: text("last_error"),
    /** Resumable backfill position: { until: ISO date, cursor?: string, done: boolean }. */
    backfill: jsonb("backfill").$type<{ from: string; until: string; next: string | null; done: boolean }>(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("provider_connections_user_provider_uq").on(t.userId, t.provider),
    index("provider_connections_external_idx").on(t.provider, t.externalUserId),
    // A provider account feeds one live connection: its webhooks are routed by this id.
    uniqueIndex("provider_connections_live_external_uq")
      .on(t.provider, t.externalUserId)
      .where(oneOf(t.status, LIVE_CONNECTION_STATUSES)),
  ],
);

/** OAuth `state` (and PKCE verifier) between the redirect to the provider and its callback. */
export const oauthStates = pgTable("oauth_states", {
  state: text("state").primaryKey(),
  userId: ownerColumn(),
  provider: text("provider").notNull(),
  codeVerifier: text("code_verifier"),
  redirectTo: text("redirect_to"),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});


/** One row per sync attempt (webhook batch, "sync now", backfill page, import): the history users see. */
export const syncRuns = pgTable(
  "sync_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    connectionId: uuid("connection_id").references(() => providerConnections.id, { onDelete: "set null" }),
    provider: text("provider").notNull(),
    kind: text("kind", { enum: ["webhook", "manual", "backfill", "scheduled", "import"] }).notNull(),
    status: text("status", { enum: ["running", "succeeded", "failed"] }).notNull().default("running"),
    records: integer("records").notNull().default(0),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("sync_runs_user_started_idx").on(t.userId, t.startedAt)],
);
