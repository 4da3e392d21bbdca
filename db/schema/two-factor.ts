import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ownerColumn, users } from "./auth";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * The user's authenticator app (RFC 6238). A row with `confirmed_at` null is an enrolment that
 * has not proved a code yet: it does not count as two-factor sign-in being on.
 */
export const totpCredentials = pgTable("two_factor_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** The base32 secret, encrypted with the token key ring (server/platform/crypto.ts). */
  secretEnc: text("secret_enc").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  /** The last time step a code was accepted for: a code of this step or earlier is a replay. */
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: createdAt(),
});

/** One-time recovery codes; only the SHA-256 of each (high-entropy) code is stored. */
export const recoveryCodes = pgTable(
  "two_factor_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    codeHash: text("code_hash").notNull().unique(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("two_factor_recovery_codes_user_idx").on(t.userId)],
);

/** WebAuthn credentials (passkeys) registered by the user. */
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    /** base64url credential id, as the browser reports it. */
    credentialId: text("credential_id").notNull().unique(),
    /** base64url COSE public key. */
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: text("transports").array().notNull().default([]),
    deviceType: text("device_type").notNull(),
    backedUp: boolean("backed_up").notNull().default(false),
    name: text("name").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("passkeys_user_idx").on(t.userId)],
);

/**
 * The pending second step of a sign-in whose first factor (password, Google) was right. Only the
 * SHA-256 of the ticket is stored; it is short-lived, single-use and allows few code attempts.
 */
export const signInTickets = pgTable(
  "sign_in_tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: ownerColumn(),
    tokenHash: text("token_hash").notNull().unique(),
    firstFactor: text("first_factor").notNull(),
    ip: text("ip"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("sign_in_tickets_expires_idx").on(t.expiresAt)],
);

/**
 * WebAuthn challenges handed to a browser, each usable once before it expires. `user_id` is null
 * for a password-less sign-in, where the user is only known from the credential.
 */
export const webauthnChallenges = pgTable(
  "webauthn_challenges",
  {
    challenge: text("challenge").primaryKey(),
    purpose: text("purpose", { enum: ["register", "sign-in", "second-factor"] }).notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("webauthn_challenges_expires_idx").on(t.expiresAt)],
);
