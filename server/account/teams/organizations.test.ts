import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema/auth";
import { organizationInvites, organizations, scoreShares } from "@/db/schema/teams";
import { withTestDb } from "@/db/testing";
import { AppError } from "@/server/errors";
import { callerFor, rejectionOf } from "@/server/testing";
import { makeTeam } from "./testing/team";

const handle = withTestDb();

async function refusal(promise: Promise<unknown>) {
  const error = await rejectionOf(promise, TRPCError);
  return { code: error.code, reason: error.cause instanceof AppError ? (error.cause.reason ?? null) : null };
}

describe("organizations and their members", () => {
  it("the owner creates one organization and sees everyone by name and role, never by address", async () => {
    const { owner, coach, member, org } = await makeTeam(handle.db, "view");
    const ownerCaller = callerFor(handle.db, owner);
    expect(org).toMatchObject({ name: "Team view", role: "owner", memberCount: 1 });
    expect(await ownerCaller.teams.get({ organizationId: org.id })).toMatchObject({ memberCount: 3, role: "owner" });
    expect(await refusal(ownerCaller.teams.create({ name: "Second" }))).toEqual({ code: "CONFLICT", reason: null });

    const members = await callerFor(handle.db, member).teams.members.list({ organizationId: org.id });
    expect(members.items.map((m) => [m.name, m.role, m.isYou])).toEqual([
      ["Member view", "member", true],
      ["Coach view", "coach", false],
      ["Owner view", "owner", false],
    ]);
    const text = JSON.stringify(members);
    for (const person of [owner, coach, member]) expect(text).not.toContain(person.email);
    const firstPage = await ownerCaller.teams.members.list({ organizationId: org.id, limit: 2 });
    const secondPage = await ownerCaller.teams.members.list({ organizationId: org.id, limit: 2, cursor: firstPage.nextCursor });
    expect([...firstPage.items, ...secondPage.items].map((m) => m.name)).toEqual(["Member view", "Coach view", "Owner view"]);
    expect(secondPage.nextCursor).toBeNull();
  });

  it("someone outside gets NOT_FOUND for every organization read and action", async () => {
    const { org, member } = await makeTeam(handle.db, "inside");
    const outsider = (await makeTeam(handle.db, "outside")).owner;
    const caller = callerFor(handle.db, outsider);
    const notFound = { code: "NOT_FOUND", reason: null };
    expect(await refusal(caller.teams.get({ organizationId: org.id }))).toEqual(notFound);
    expect(await refusal(caller.teams.members.list({ organizationId: org.id }))).toEqual(notFound);
    expect(await refusal(caller.teams.members.remove({ organizationId: org.id, userId: member.id }))).toEqual(notFound);
    expect(await refusal(caller.teams.members.setRole({ organizationId: org.id, userId: member.id, role: "coach" }))).toEqual(notFound);
    expect(await refusal(caller.teams.shares.mine({ organizationId: org.id }))).toEqual(notFound);
    expect(await refusal(caller.teams.leave({ organizationId: org.id }))).toEqual(notFound);
    expect(await refusal(caller.teams.get({ organizationId: crypto.randomUUID() }))).toEqual(notFound);
  });

  it("removing members and changing roles are the owner's; the owner stays; a member can leave", async () => {
    const { owner, coach, member, org } = await makeTeam(handle.db, "rules");
    for (const person of [coach, member]) {
      const caller = callerFor(handle.db, person);
      expect(await refusal(caller.teams.members.remove({ organizationId: org.id, userId: owner.id }))).toEqual({ code: "FORBIDDEN", reason: "teams.owner-only" });
      expect(await refusal(caller.teams.members.setRole({ organizationId: org.id, userId: member.id, role: "coach" }))).toEqual({ code: "FORBIDDEN", reason: "teams.owner-only" });
    }
    const ownerCaller = callerFor(handle.db, owner);
    expect(await refusal(ownerCaller.teams.members.remove({ organizationId: org.id, userId: owner.id }))).toEqual({ code: "BAD_REQUEST", reason: null });
    expect(await refusal(ownerCaller.teams.leave({ organizationId: org.id }))).toEqual({ code: "BAD_REQUEST", reason: null });
    expect(await refusal(ownerCaller.teams.members.setRole({ organizationId: org.id, userId: crypto.randomUUID(), role: "coach" }))).toEqual({ code: "NOT_FOUND", reason: null });

    expect(await ownerCaller.teams.members.setRole({ organizationId: org.id, userId: member.id, role: "coach" })).toMatchObject({ name: "Member rules", role: "coach" });
    await ownerCaller.teams.members.remove({ organizationId: org.id, userId: member.id });
    expect(await callerFor(handle.db, member).teams.mine()).toEqual([]);
    await callerFor(handle.db, coach).teams.leave({ organizationId: org.id });
    expect((await ownerCaller.teams.get({ organizationId: org.id })).memberCount).toBe(1);
  });

  it("erasure, as the registry says: a member's account takes its membership and shares; the owner's dissolves the organization", async () => {
    const { owner, coach, member, org } = await makeTeam(handle.db, "erase");
    await callerFor(handle.db, member).teams.shares.set({ organizationId: org.id, coachUserId: coach.id, historyDays: 7 });
    await callerFor(handle.db, owner).teams.invites.create({ organizationId: org.id, email: "later-erase@example.com", role: "member" });
    // The users row goes last in an erasure and takes the "cascade" rows with it.
    await handle.db.delete(users).where(eq(users.id, member.id));
    expect((await callerFor(handle.db, owner).teams.get({ organizationId: org.id })).memberCount).toBe(2);
    expect(await handle.db.select().from(scoreShares).where(eq(scoreShares.organizationId, org.id))).toEqual([]);
    await handle.db.delete(users).where(eq(users.id, owner.id));
    expect(await handle.db.select().from(organizations).where(eq(organizations.id, org.id))).toEqual([]);
    expect(await handle.db.select().from(organizationInvites).where(eq(organizationInvites.organizationId, org.id))).toEqual([]);
    expect(await callerFor(handle.db, coach).teams.mine()).toEqual([]);
  });
});
