import { and, count, eq, ne } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import { organizationMembers, organizations, scoreShares, type AssignableRole } from "@/db/schema/teams";
import { AppError } from "@/server/errors";
import { afterCursor, newestFirst } from "@/server/keyset";
import { toPage, type Paginated, type PaginationInput } from "@/server/pagination";
import { displayName, requireMember, requireOwner } from "./access";
import type { MemberView, OrganizationSummaryView, OrganizationView } from "./schemas";

/** Creates an organization owned by `userId` (one per owner; the plan check is the procedure's). */
export async function createOrganization(db: Database, userId: string, name: string): Promise<OrganizationView> {
  return db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.createdByUserId, userId))
      .limit(1)
      .for("update");
    if (owned) throw AppError.conflict("You already run an organization. Invite people to it instead.");
    const [org] = await tx.insert(organizations).values({ name, createdByUserId: userId }).returning();
    if (!org) throw new Error("The organization insert returned no row");
    await tx.insert(organizationMembers).values({ organizationId: org.id, userId, role: "owner", joinedAt: org.createdAt });
    return { id: org.id, name: org.name, role: "owner", createdAt: org.createdAt, memberCount: 1 };
  });
}

/** The organizations the user is in, oldest membership first (at most a handful). */
export async function myOrganizations(db: Database, userId: string): Promise<OrganizationSummaryView[]> {
  return db
    .select({ id: organizations.id, name: organizations.name, role: organizationMembers.role, createdAt: organizations.createdAt })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(eq(organizationMembers.userId, userId))
    .orderBy(organizationMembers.joinedAt)
    .limit(50);
}

export async function organizationOf(db: Database, organizationId: string, userId: string): Promise<OrganizationView> {
  const membership = await requireMember(db, organizationId, userId);
  const [org] = await db.select({ createdAt: organizations.createdAt }).from(organizations).where(eq(organizations.id, organizationId));
  const [members] = await db.select({ n: count() }).from(organizationMembers).where(eq(organizationMembers.organizationId, organizationId));
  return { id: organizationId, name: membership.organizationName, role: membership.role, createdAt: org!.createdAt, memberCount: members?.n ?? 0 };
}

/** The organization's people, newest first: names and roles only. */
export async function listMembers(db: Database, userId: string, input: PaginationInput & { organizationId: string }): Promise<Paginated<MemberView>> {
  await requireMember(db, input.organizationId, userId);
  const rows = await db
    .select({ id: organizationMembers.id, userId: organizationMembers.userId, name: users.name, role: organizationMembers.role, joinedAt: organizationMembers.joinedAt })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(eq(organizationMembers.organizationId, input.organizationId), afterCursor(organizationMembers.joinedAt, organizationMembers.id, input.cursor)))
    .orderBy(...newestFirst(organizationMembers.joinedAt, organizationMembers.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => row.joinedAt);
  return { ...page, items: page.items.map((row) => ({ ...row, name: displayName(row.name), isYou: row.userId === userId })) };
}

/** The member row of `memberUserId` in the organization, other than the owner's; NOT_FOUND otherwise. */
async function nonOwnerMember(db: Database, organizationId: string, memberUserId: string) {
  const [row] = await db
    .select({ id: organizationMembers.id, role: organizationMembers.role })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, memberUserId)))
    .limit(1);
  if (!row) throw AppError.notFound("Member");
  if (row.role === "owner") throw AppError.badRequest("The owner stays in the organization they run.");
  return row;
}

/** Ends a membership and every share it made or received in the organization: access stops at once. */
async function endMembership(db: Database, organizationId: string, memberUserId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(scoreShares).where(and(eq(scoreShares.organizationId, organizationId), eq(scoreShares.memberUserId, memberUserId)));
    await tx.delete(scoreShares).where(and(eq(scoreShares.organizationId, organizationId), eq(scoreShares.coachUserId, memberUserId)));
    await tx.delete(organizationMembers).where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, memberUserId)));
  });
}

export async function removeMember(db: Database, ownerId: string, organizationId: string, memberUserId: string): Promise<void> {
  await requireOwner(db, organizationId, ownerId);
  await nonOwnerMember(db, organizationId, memberUserId);
  await endMembership(db, organizationId, memberUserId);
}

export async function leaveOrganization(db: Database, userId: string, organizationId: string): Promise<void> {
  const membership = await requireMember(db, organizationId, userId);
  if (membership.role === "owner") throw AppError.badRequest("You run this organization, so you cannot leave it.");
  await endMembership(db, organizationId, userId);
}

/**
 * Makes a member a coach or a plain member. A coach made a member loses the shares made to them
 * by name at once (an organization-wide share follows the role: it stops showing to them too).
 */
export async function setMemberRole(db: Database, ownerId: string, organizationId: string, memberUserId: string, role: AssignableRole): Promise<MemberView> {
  await requireOwner(db, organizationId, ownerId);
  await nonOwnerMember(db, organizationId, memberUserId);
  await db.transaction(async (tx) => {
    await tx
      .update(organizationMembers)
      .set({ role })
      .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, memberUserId), ne(organizationMembers.role, "owner")));
    if (role === "member") await tx.delete(scoreShares).where(and(eq(scoreShares.organizationId, organizationId), eq(scoreShares.coachUserId, memberUserId)));
  });
  const [row] = await db
    .select({ id: organizationMembers.id, userId: organizationMembers.userId, name: users.name, role: organizationMembers.role, joinedAt: organizationMembers.joinedAt })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, memberUserId)));
  if (!row) throw AppError.notFound("Member");
  return { ...row, name: displayName(row.name), isYou: false };
}
