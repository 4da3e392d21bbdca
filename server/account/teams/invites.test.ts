import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema/email";
import { organizationInvites } from "@/db/schema/teams";
import { withTestDb } from "@/db/testing";
import { onPlan } from "@/server/account/plans/testing";
import { AppError } from "@/server/errors";
import { callerFor, rejectionOf } from "@/server/testing";
import { acceptInvite, INVITE_TTL_DAYS } from "./invites";
import { inviteTokenFor, makeTeam, teamUser } from "./testing/team";

const handle = withTestDb();

/** The AppError reason behind a refused call. */
async function reasonOf(promise: Promise<unknown>): Promise<{ code: string; reason: string | undefined }> {
  const error = await rejectionOf(promise, TRPCError);
  return { code: error.code, reason: error.cause instanceof AppError ? error.cause.reason : undefined };
}

describe("organization invitations", () => {
  it("a free plan cannot create an organization or invite: the upgrade reason, with the plan to upgrade to", async () => {
    const free = await teamUser(handle.db, "free-owner@example.com");
    const error = await rejectionOf(callerFor(handle.db, free).teams.create({ name: "Free club" }), TRPCError);
    expect(error.code).toBe("FORBIDDEN");
    expect(error.cause).toMatchObject({ reason: "plan.upgrade-required", details: { feature: "team-dashboard", requiredPlan: "team" } });
    expect(error.message).toMatch(/Team plan/);
    await onPlan(handle.db, free.id, "pro");
    expect(await reasonOf(callerFor(handle.db, free).teams.create({ name: "Pro club" }))).toEqual({ code: "FORBIDDEN", reason: "plan.upgrade-required" });

    // An owner whose plan lapses keeps the organization but cannot invite more people.
    const { owner, org } = await makeTeam(handle.db, "lapsed");
    await onPlan(handle.db, owner.id, "free");
    expect(await reasonOf(callerFor(handle.db, owner).teams.invites.create({ organizationId: org.id, email: "late@example.com", role: "member" }))).toEqual({
      code: "FORBIDDEN",
      reason: "plan.upgrade-required",
    });
  });

  it("emails a single-use link whose token is stored only as a hash; the invitee joins on a free plan", async () => {
    const { owner, org } = await makeTeam(handle.db, "single");
    const invitee = await teamUser(handle.db, "invitee-single@example.com", "Ivy");
    const invite = await callerFor(handle.db, owner).teams.invites.create({ organizationId: org.id, email: " Invitee-Single@Example.com ", role: "coach" });
    expect(invite).toMatchObject({ email: "invitee-single@example.com", role: "coach" });
    expect(invite.expiresAt.getTime() - invite.createdAt.getTime()).toBe(INVITE_TTL_DAYS * 24 * 3600 * 1000);
    const token = await inviteTokenFor(handle.db, invitee.email);
    const [stored] = await handle.db.select().from(organizationInvites).where(eq(organizationInvites.id, invite.id));
    expect(JSON.stringify(stored)).not.toContain(token);
    const [mail] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.to, invitee.email));
    expect(mail).toMatchObject({ tag: "team-invite", secretLink: "stored", subject: "Join Team single on BioSync", userId: invitee.id });

    const accepted = await callerFor(handle.db, invitee).teams.invites.accept({ token });
    expect(accepted).toEqual({ organizationId: org.id, organizationName: "Team single", role: "coach" });
    expect((await callerFor(handle.db, invitee).teams.mine()).map((o) => [o.name, o.role])).toEqual([["Team single", "coach"]]);
    expect(await reasonOf(callerFor(handle.db, invitee).teams.invites.accept({ token }))).toEqual({ code: "BAD_REQUEST", reason: "teams.invite-used" });
    // Inviting someone who is already in is refused on the email field.
    const again = await rejectionOf(callerFor(handle.db, owner).teams.invites.create({ organizationId: org.id, email: invitee.email, role: "member" }), TRPCError);
    expect(again.cause).toMatchObject({ fields: [{ path: "email" }] });
  });

  it("only the invited address can accept; the wrong account gets a clear refusal and the link stays usable", async () => {
    const { owner, org, member } = await makeTeam(handle.db, "wrong");
    await callerFor(handle.db, owner).teams.invites.create({ organizationId: org.id, email: "right-person@example.com", role: "member" });
    const token = await inviteTokenFor(handle.db, "right-person@example.com");
    const error = await rejectionOf(callerFor(handle.db, member).teams.invites.accept({ token }), TRPCError);
    expect(error.code).toBe("FORBIDDEN");
    expect(error.cause).toMatchObject({ reason: "teams.invite-wrong-account" });
    expect(error.message).toContain("ri••••••••••@example.com");
    // The right person signs up later with the invited address and accepts.
    const right = await teamUser(handle.db, "right-person@example.com");
    expect((await callerFor(handle.db, right).teams.invites.accept({ token })).organizationId).toBe(org.id);
  });

  it("refuses an expired, a revoked, a replaced and a made-up link, each with its own reason", async () => {
    const { owner, org } = await makeTeam(handle.db, "dead");
    const late = await teamUser(handle.db, "late-dead@example.com");
    const ownerCaller = callerFor(handle.db, owner);
    await ownerCaller.teams.invites.create({ organizationId: org.id, email: late.email, role: "member" });
    const expiring = await inviteTokenFor(handle.db, late.email);
    const afterExpiry = new Date(Date.now() + INVITE_TTL_DAYS * 24 * 3600 * 1000 + 1000);
    await expect(acceptInvite(handle.db, late, expiring, afterExpiry)).rejects.toMatchObject({ reason: "teams.invite-expired" });

    // A second invitation to the same address replaces the first.
    await ownerCaller.teams.invites.create({ organizationId: org.id, email: late.email, role: "coach" });
    const replacing = await inviteTokenFor(handle.db, late.email);
    expect(await reasonOf(callerFor(handle.db, late).teams.invites.accept({ token: expiring }))).toEqual({ code: "BAD_REQUEST", reason: "teams.invite-revoked" });

    const pending = await ownerCaller.teams.invites.list({ organizationId: org.id });
    expect(pending.items.map((i) => [i.email, i.role])).toEqual([[late.email, "coach"]]);
    await ownerCaller.teams.invites.revoke({ inviteId: pending.items[0]!.id });
    expect((await ownerCaller.teams.invites.list({ organizationId: org.id })).items).toEqual([]);
    expect(await reasonOf(callerFor(handle.db, late).teams.invites.accept({ token: replacing }))).toEqual({ code: "BAD_REQUEST", reason: "teams.invite-revoked" });
    expect(await reasonOf(callerFor(handle.db, late).teams.invites.accept({ token: "made-up-token" }))).toEqual({ code: "BAD_REQUEST", reason: "teams.invite-invalid" });
    expect(await callerFor(handle.db, late).teams.mine()).toEqual([]);
  });

  it("invitations are the owner's: coaches and members are told so, strangers get NOT_FOUND", async () => {
    const { owner, org, coach, member } = await makeTeam(handle.db, "owneronly");
    const other = await makeTeam(handle.db, "otherorg");
    await onPlan(handle.db, coach.id, "team");
    for (const person of [coach, member]) {
      expect(await reasonOf(callerFor(handle.db, person).teams.invites.create({ organizationId: org.id, email: "x@example.com", role: "member" }))).toMatchObject({ code: expect.stringMatching(/FORBIDDEN/) });
      expect(await reasonOf(callerFor(handle.db, person).teams.invites.list({ organizationId: org.id }))).toEqual({ code: "FORBIDDEN", reason: "teams.owner-only" });
    }
    const invite = await callerFor(handle.db, owner).teams.invites.create({ organizationId: org.id, email: "y@example.com", role: "member" });
    expect(await reasonOf(callerFor(handle.db, other.owner).teams.invites.revoke({ inviteId: invite.id }))).toEqual({ code: "NOT_FOUND", reason: undefined });
    expect(await reasonOf(callerFor(handle.db, other.owner).teams.invites.list({ organizationId: org.id }))).toEqual({ code: "NOT_FOUND", reason: undefined });
    expect(await reasonOf(callerFor(handle.db, other.owner).teams.invites.create({ organizationId: org.id, email: "z@example.com", role: "member" }))).toEqual({
      code: "NOT_FOUND",
      reason: undefined,
    });
  });
});
