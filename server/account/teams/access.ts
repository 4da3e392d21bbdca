import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { organizationMembers, organizations, type OrgRole } from "@/db/schema/teams";
import { AppError } from "@/server/errors";

/** The roles that see the scores members share with them. */
export const COACHING_ROLES: readonly OrgRole[] = ["owner", "coach"];

/** The stable reasons of the teams errors the pages branch on. */
export const TEAM_ERROR_REASONS = {
  ownerOnly: "teams.owner-only",
  inviteInvalid: "teams.invite-invalid",
  inviteUsed: "teams.invite-used",
  inviteExpired: "teams.invite-expired",
  inviteRevoked: "teams.invite-revoked",
  inviteWrongAccount: "teams.invite-wrong-account",
} as const;

export interface Membership {
  organizationId: string;
  organizationName: string;
  role: OrgRole;
}

/** The user's membership of an organization, or null (not a member, or no such organization). */
export async function membershipOf(db: Database, organizationId: string, userId: string): Promise<Membership | null> {
  const [row] = await db
    .select({ organizationId: organizations.id, organizationName: organizations.name, role: organizationMembers.role })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** An organization the user is not in does not exist for them. */
export const organizationNotFound = () => AppError.notFound("Organization");

export async function requireMember(db: Database, organizationId: string, userId: string): Promise<Membership> {
  const membership = await membershipOf(db, organizationId, userId);
  if (!membership) throw organizationNotFound();
  return membership;
}

export async function requireOwner(db: Database, organizationId: string, userId: string): Promise<Membership> {
  const membership = await requireMember(db, organizationId, userId);
  if (membership.role !== "owner") throw new AppError("FORBIDDEN", "Only the organization's owner can do this.", { reason: TEAM_ERROR_REASONS.ownerOnly });
  return membership;
}

/** A coach (or the owner): the one who may read shared scores. Anyone else gets NOT_FOUND, as for a stranger. */
export async function requireCoach(db: Database, organizationId: string, userId: string): Promise<Membership> {
  const membership = await requireMember(db, organizationId, userId);
  if (!COACHING_ROLES.includes(membership.role)) throw organizationNotFound();
  return membership;
}

/** How a person is shown to the others of an organization: their name, never their address. */
export function displayName(name: string | null): string {
  return name?.trim() || "Unnamed member";
}
