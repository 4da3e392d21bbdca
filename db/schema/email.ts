import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const emailTransport = pgEnum("email_transport", ["resend", "outbox"]);
export const emailStatus = pgEnum("email_status", ["stored", "sent", "failed"]);
/**
 * Whether the stored copy holds a link that opens the account (a reset, verification or
 * email-change token): "stored" in the outbox (it is the mailbox), "removed" once handed to Resend.
 */
export const emailSecretLink = pgEnum("email_secret_link", ["none", "stored", "removed"]);

/**
 * Every email the app sends. Without Resend this is the outbox admins read; with Resend it is
 * the record of what was handed over (and of failed hand-overs).
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    from: text("from").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    tag: text("tag"),
    /** Extra message headers sent with it (e.g. List-Unsubscribe). */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    transport: emailTransport("transport").notNull(),
    status: emailStatus("status").notNull(),
    secretLink: emailSecretLink("secret_link").notNull().default("none"),
    providerMessageId: text("provider_message_id"),
    error: text("error"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_outbox_created_at_idx").on(t.createdAt, t.id), index("email_outbox_to_idx").on(t.to), index("email_outbox_user_idx").on(t.userId)],
);

export type OutboxEmail = typeof emailOutbox.$inferSelect;
