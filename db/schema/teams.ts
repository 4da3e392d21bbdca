import { sql } from "drizzle-orm";
import { check, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/*
 * Teams (server/account/teams): an organization a team-plan user runs, its members with their
 * roles, emailed invitations, and which members share their energy scores with whom.
 */

/** Roles inside an organization: its creator owns it; coaches see the scores shared with them. */
export const ORG_ROLES = ["owner", "coach", "member"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** The roles an owner can give by invitation or role change (there is one owner, the creator). */
export const ASSIGNABLE_ROLES = ["coach", "member"] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** How far back a member's share lets a coach read their scores. */
export const SHARE_HISTORY_DAYS = [7, 30, 90] as const;
export type ShareHistoryDays = (typeof SHARE_HISTORY_DAYS)[number];

/** An organization belongs to the user who created it (its owner). */
export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  createdByUserId: uuid("created_by_user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One row per person in an organization (the owner included, with role "owner"). */
export const organizationMembers = pgTable(
  "organization_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ORG_ROLES }).notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organization_members_org_user_idx").on(t.organizationId, t.userId), index("organization_members_user_idx").on(t.userId)],
);

/**
 * An emailed invitation: the link's token is kept only as its SHA-256 hash. Live while not
 * accepted, not revoked and not expired (7 days); accepting spends it.
 */
export const organizationInvites = pgTable(
  "organization_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The invited address, normalized; only an account with this address can accept. */
    email: text("email").notNull(),
    role: text("role", { enum: ASSIGNABLE_ROLES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedByUserId: uuid("invited_by_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("organization_invites_org_idx").on(t.organizationId, t.createdAt)],
);

/**
 * A member's consent to show their energy scores (date, score, band) to one coach of an
 * organization, or to every coach of it (`coach_user_id` null), for the last `history_days`.
 * No row: not shared. Stopping a share deletes the row.
 */
export const scoreShares = pgTable(
  "score_shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    memberUserId: uuid("member_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    coachUserId: uuid("coach_user_id").references(() => users.id, { onDelete: "cascade" }),
    historyDays: smallint("history_days").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("score_shares_target_idx").on(t.organizationId, t.memberUserId, sql`coalesce(${t.coachUserId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    index("score_shares_coach_idx").on(t.organizationId, t.coachUserId),
    check("score_shares_history_days", sql`${t.historyDays} in (7, 30, 90)`),
    check("score_shares_not_self", sql`${t.coachUserId} is null or ${t.coachUserId} <> ${t.memberUserId}`),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type OrganizationMember = typeof organizationMembers.$inferSelect;
export type OrganizationInvite = typeof organizationInvites.$inferSelect;
export type ScoreShare = typeof scoreShares.$inferSelect;
