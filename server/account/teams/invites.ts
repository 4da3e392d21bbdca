import { randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull } from "drizzle-orm";
import { createElement } from "react";
import TeamInviteEmail from "@/components/emails/team-invite";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import { organizationInvites, organizationMembers, organizations, type AssignableRole, type OrganizationInvite } from "@/db/schema/teams";
import { hashToken } from "@/server/account/auth/tokens";
import { findUserByEmail, findUserById, normalizeEmail } from "@/server/account/auth/users";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { afterCursor, newestFirst } from "@/server/keyset";
import { toPage, type Paginated, type PaginationInput } from "@/server/pagination";
import { sendEmail } from "@/server/platform/email/send";
import { displayName, requireOwner, TEAM_ERROR_REASONS } from "./access";
import type { InviteView } from "./schemas";

export const INVITE_TTL_DAYS = 7;
/** Pending invitations an organization may have at once. */
export const MAX_PENDING_INVITES = 100;
const DAY_MS = 24 * 3600 * 1000;

const liveInvite = (now: Date) => and(isNull(organizationInvites.acceptedAt), isNull(organizationInvites.revokedAt), gt(organizationInvites.expiresAt, now));

const toView = (row: OrganizationInvite): InviteView => ({ id: row.id, email: row.email, role: row.role, createdAt: row.createdAt, expiresAt: row.expiresAt });

/** The link an invitation email carries. */
export function inviteUrl(token: string): string {
  return `${env().APP_URL}/team-invite?token=${encodeURIComponent(token)}`;
}

/**
 * Invites an address (owner only): a single-use link valid for 7 days, emailed through the one
 * email path. A second invitation to the same address replaces the first (its link stops working).
 */
export async function createInvite(
  db: Database,
  ownerId: string,
  input: { organizationId: string; email: string; role: AssignableRole },
  now: Date = new Date(),
): Promise<InviteView> {
  const membership = await requireOwner(db, input.organizationId, ownerId);
  const email = normalizeEmail(input.email);
  const invitee = await findUserByEmail(db, email);
  if (invitee) {
    const [member] = await db
      .select({ id: organizationMembers.id })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, input.organizationId), eq(organizationMembers.userId, invitee.id)));
    if (member) throw AppError.field("email", "This person is already in the organization.");
  }
  const inviter = await findUserById(db, ownerId);
  const token = randomBytes(32).toString("base64url");
  const url = inviteUrl(token);
  return db.transaction(async (tx) => {
    await tx
      .update(organizationInvites)
      .set({ revokedAt: now })
      .where(and(eq(organizationInvites.organizationId, input.organizationId), eq(organizationInvites.email, email), liveInvite(now)));
    const [pending] = await tx.select({ n: count() }).from(organizationInvites).where(and(eq(organizationInvites.organizationId, input.organizationId), liveInvite(now)));
    if ((pending?.n ?? 0) >= MAX_PENDING_INVITES) throw AppError.conflict(`An organization can have ${MAX_PENDING_INVITES} invitations pending at once. Revoke some first.`);
    const [row] = await tx
      .insert(organizationInvites)
      .values({
        organizationId: input.organizationId,
        email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedByUserId: ownerId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITE_TTL_DAYS * DAY_MS),
      })
      .returning();
    if (!row) throw new Error("The invitation insert returned no row");
    await sendEmail(tx, {
      to: email,
      subject: `Join ${membership.organizationName} on BioSync`,
      react: createElement(TeamInviteEmail, { url, organizationName: membership.organizationName, inviterName: displayName(inviter?.name ?? null), role: input.role }),
      tag: "team-invite",
      userId: invitee?.id ?? null,
      secretLinks: [url],
    });
    return toView(row);
  });
}

/** The organization's pending invitations, newest first (owner only). */
export async function listInvites(db: Database, ownerId: string, input: PaginationInput & { organizationId: string }, now: Date = new Date()): Promise<Paginated<InviteView>> {
  await requireOwner(db, input.organizationId, ownerId);
  const rows = await db
    .select()
    .from(organizationInvites)
    .where(and(eq(organizationInvites.organizationId, input.organizationId), liveInvite(now), afterCursor(organizationInvites.createdAt, organizationInvites.id, input.cursor)))
    .orderBy(...newestFirst(organizationInvites.createdAt, organizationInvites.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => row.createdAt);
  return { ...page, items: page.items.map(toView) };
}

/** Withdraws a pending invitation (owner only); its link stops working at once. */
export async function revokeInvite(db: Database, ownerId: string, inviteId: string, now: Date = new Date()): Promise<void> {
  const [invite] = await db.select({ organizationId: organizationInvites.organizationId }).from(organizationInvites).where(eq(organizationInvites.id, inviteId));
  if (!invite) throw AppError.notFound("Invitation");
  // Someone outside the organization learns nothing: the same answer as for no invitation.
  await requireOwner(db, invite.organizationId, ownerId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "NOT_FOUND" ? AppError.notFound("Invitation") : error;
  });
  const revoked = await db.update(organizationInvites).set({ revokedAt: now }).where(and(eq(organizationInvites.id, inviteId), liveInvite(now))).returning({ id: organizationInvites.id });
  if (revoked.length === 0) throw AppError.badRequest("This invitation was already accepted, withdrawn or has expired.");
}

function inviteProblem(reason: string, message: string): AppError {
  return new AppError("BAD_REQUEST", message, { reason, fields: [{ path: "token", message }] });
}

/** Shows the invited address half-hidden: enough for its owner to recognise it. */
function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 2)}${"•".repeat(Math.max(1, local.length - 2))}@${domain}`;
}

/**
 * Accepts an invitation as the signed-in user, who must have the invited address. The link works
 * once: spending it and joining happen in one transaction. Works on any plan.
 */
export async function acceptInvite(db: Database, user: { id: string; email: string }, token: string, now: Date = new Date()) {
  const [invite] = await db.select().from(organizationInvites).where(eq(organizationInvites.tokenHash, hashToken(token)));
  if (!invite) throw inviteProblem(TEAM_ERROR_REASONS.inviteInvalid, "This invitation link is not valid. Check that you opened the whole link from the email.");
  if (invite.acceptedAt) throw inviteProblem(TEAM_ERROR_REASONS.inviteUsed, "This invitation was already used. Ask the organization's owner for a new one if you need it.");
  if (invite.revokedAt) throw inviteProblem(TEAM_ERROR_REASONS.inviteRevoked, "This invitation was withdrawn by the organization's owner.");
  if (invite.expiresAt <= now) throw inviteProblem(TEAM_ERROR_REASONS.inviteExpired, `This invitation has expired (links work for ${INVITE_TTL_DAYS} days). Ask the organization's owner for a new one.`);
  const [account] = await db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
  if (normalizeEmail(account?.email ?? user.email) !== invite.email) {
    throw new AppError("FORBIDDEN", `This invitation is for ${maskEmail(invite.email)}, and you are signed in with another address. Sign out, then sign in or create an account with the invited address.`, {
      reason: TEAM_ERROR_REASONS.inviteWrongAccount,
    });
  }
  return db.transaction(async (tx) => {
    const spent = await tx.update(organizationInvites).set({ acceptedAt: now }).where(and(eq(organizationInvites.id, invite.id), liveInvite(now))).returning({ id: organizationInvites.id });
    if (spent.length === 0) throw inviteProblem(TEAM_ERROR_REASONS.inviteUsed, "This invitation was already used. Ask the organization's owner for a new one if you need it.");
    await tx.insert(organizationMembers).values({ organizationId: invite.organizationId, userId: user.id, role: invite.role, joinedAt: now }).onConflictDoNothing();
    const [member] = await tx
      .select({ role: organizationMembers.role })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, invite.organizationId), eq(organizationMembers.userId, user.id)));
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, invite.organizationId));
    return { organizationId: invite.organizationId, organizationName: org?.name ?? "", role: member?.role ?? invite.role };
  });
}
