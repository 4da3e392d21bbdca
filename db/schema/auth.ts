import { index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["user", "admin"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Always stored lower-cased and trimmed. */
    email: text("email").notNull().unique(),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    name: text("name"),
    image: text("image"),
    /** argon2id PHC string; null for accounts that only sign in with Google. */
    passwordHash: text("password_hash"),
    role: userRole("role").notNull().default("user"),
    /** Set by an admin: the account cannot sign in and its sessions are ended; null = enabled. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [index("users_created_at_idx").on(t.createdAt)],
);

export type User = typeof users.$inferSelect;

/** The owning user of a row: every user-owned table carries it, and the row goes with the account. */
export const ownerColumn = () =>
  uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });


/**
 * One row per sign-in. The JWT carries the row id (`sid`); every request checks the row, so a
 * revoked or expired row signs that browser out on its next request.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** How the sign-in was proved: "password", "password+totp", "passkey", "google"… (SignInFactor). */
    factor: text("factor"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId, t.lastSeenAt)],
);

export type AuthSession = typeof authSessions.$inferSelect;

export const authTokenPurpose = pgEnum("auth_token_purpose", ["verify_email", "reset_password", "change_email", "delete_account"]);
export type AuthTokenPurpose = (typeof authTokenPurpose.enumValues)[number];

/** Single-use links sent by email. Only the SHA-256 of the token is stored. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: authTokenPurpose("purpose").notNull(),
    userId: ownerColumn(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The address the link was sent to: the current email, or the new one for change_email. */
    email: text("email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("auth_tokens_user_purpose_idx").on(t.userId, t.purpose)],
);

/** Accounts at outside identity providers (Google) linked to a BioSync user. */
export const authAccounts = pgTable(
  "auth_accounts",
  {
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    userId: ownerColumn(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), uniqueIndex("auth_accounts_user_provider_idx").on(t.userId, t.provider)],
);
