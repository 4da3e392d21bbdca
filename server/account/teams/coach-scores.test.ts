import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema/audit";
import { energyScores } from "@/db/schema/analytics";
import { withTestDb } from "@/db/testing";
import type { Database } from "@/db";
import { scoreRow } from "@/server/health/analytics/insights/testing/rows";
import { addDays, localDate } from "@/server/health/local-date";
import { callerFor, rejectionOf } from "@/server/testing";
import { join, makeTeam, teamUser } from "./testing/team";

const handle = withTestDb();
const today = () => localDate(new Date(), null, "UTC");

/** 100 days of scores ending today (UTC, the default zone): 60, 61, … with a calibrating day 3 days ago. */
async function giveScores(db: Database, userId: string) {
  const rows = Array.from({ length: 100 }, (_, i) => scoreRow(userId, addDays(today(), -i), i === 3 ? null : 60 + (i % 30)));
  await db.insert(energyScores).values(rows);
}

const notFound = async (promise: Promise<unknown>) => expect((await rejectionOf(promise, TRPCError)).code).toBe("NOT_FOUND");

describe("what a coach sees", () => {
  it("only the members who share with them: date, score and band, for the history the share allows", async () => {
    const { org, coach, member, owner } = await makeTeam(handle.db, "sees");
    const quiet = await teamUser(handle.db, "quiet-sees@example.com", "Quiet");
    await join(handle.db, owner, org.id, quiet, "member");
    await giveScores(handle.db, member.id);
    await giveScores(handle.db, quiet.id);
    const coachCaller = callerFor(handle.db, coach);
    expect((await coachCaller.teams.coach.members({ organizationId: org.id })).items).toEqual([]);

    const targets = (await callerFor(handle.db, member).teams.shares.mine({ organizationId: org.id })).targets;
    expect(targets.map((t) => [t.name, t.sharing])).toEqual([
      ["Every coach of Team sees", false],
      ["Owner sees", false],
      ["Coach sees", false],
    ]);
    await callerFor(handle.db, member).teams.shares.set({ organizationId: org.id, coachUserId: coach.id, historyDays: 30 });

    const overview = await coachCaller.teams.coach.members({ organizationId: org.id });
    expect(overview.items.map((m) => m.name)).toEqual(["Member sees"]);
    const [shown] = overview.items;
    expect(shown!.week.map((d) => d.date)).toEqual(Array.from({ length: 7 }, (_, i) => addDays(today(), i - 6)));
    expect(shown!.latest).toEqual({ date: today(), score: 60, band: "fair" });
    expect(shown!.week[3]).toEqual({ date: addDays(today(), -3), score: null, band: null });
    expect(JSON.stringify(overview)).not.toContain(member.email);

    const detail = await coachCaller.teams.coach.member({ organizationId: org.id, memberUserId: member.id });
    expect(detail.scores).toHaveLength(30);
    expect(detail.scores[0]!.date).toBe(addDays(today(), -29));
    expect(Object.keys(detail.scores[0]!).sort()).toEqual(["band", "date", "score"]);
    expect(Object.keys(detail).sort()).toEqual(["historyDays", "name", "scores", "userId"]);
    // Opening a member's scores is in their audit trail.
    const audited = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.subjectUserId, member.id), eq(auditEvents.action, "teams.scores-read")));
    expect(audited.map((e) => e.actorUserId)).toEqual([coach.id]);

    // The owner (not shared with by name) and the member who shares nothing see nothing of them.
    await notFound(callerFor(handle.db, owner).teams.coach.member({ organizationId: org.id, memberUserId: member.id }));
    await notFound(coachCaller.teams.coach.member({ organizationId: org.id, memberUserId: quiet.id }));
    // A plain member is no coach: the coach views do not exist for them.
    await notFound(callerFor(handle.db, quiet).teams.coach.members({ organizationId: org.id }));
  });

  it("a share with every coach reaches the owner and each coach; stopping it ends access at once", async () => {
    const { org, coach, member, owner } = await makeTeam(handle.db, "stop");
    await giveScores(handle.db, member.id);
    const memberCaller = callerFor(handle.db, member);
    await memberCaller.teams.shares.set({ organizationId: org.id, coachUserId: null, historyDays: 7 });
    for (const viewer of [owner, coach]) {
      const detail = await callerFor(handle.db, viewer).teams.coach.member({ organizationId: org.id, memberUserId: member.id });
      expect(detail.scores).toHaveLength(7);
    }
    const stopped = await memberCaller.teams.shares.stop({ organizationId: org.id, coachUserId: null });
    expect(stopped.targets.every((t) => !t.sharing)).toBe(true);
    for (const viewer of [owner, coach]) {
      await notFound(callerFor(handle.db, viewer).teams.coach.member({ organizationId: org.id, memberUserId: member.id }));
      expect((await callerFor(handle.db, viewer).teams.coach.members({ organizationId: org.id })).items).toEqual([]);
    }
    const trail = await handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectUserId, member.id));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(["teams.scores-shared", "teams.scores-unshared"]));
  });

  it("a coach of organization A sees nothing of organization B, even of a member of both", async () => {
    const a = await makeTeam(handle.db, "orga");
    const b = await makeTeam(handle.db, "orgb");
    await join(handle.db, b.owner, b.org.id, a.member, "member");
    await giveScores(handle.db, a.member.id);
    await giveScores(handle.db, b.member.id);
    await callerFor(handle.db, b.member).teams.shares.set({ organizationId: b.org.id, coachUserId: null, historyDays: 90 });
    await callerFor(handle.db, a.member).teams.shares.set({ organizationId: b.org.id, coachUserId: null, historyDays: 90 });
    const coachA = callerFor(handle.db, a.coach);
    await notFound(coachA.teams.coach.members({ organizationId: b.org.id }));
    await notFound(coachA.teams.coach.member({ organizationId: b.org.id, memberUserId: b.member.id }));
    // A's member shares in B only: A's coach does not see them in A either.
    expect((await coachA.teams.coach.members({ organizationId: a.org.id })).items).toEqual([]);
    await notFound(coachA.teams.coach.member({ organizationId: a.org.id, memberUserId: a.member.id }));
    expect((await callerFor(handle.db, b.coach).teams.coach.members({ organizationId: b.org.id })).items.map((m) => m.name).sort()).toEqual(["Member orga", "Member orgb"]);
    // Sharing with a coach of another organization is refused as not found.
    await notFound(callerFor(handle.db, a.member).teams.shares.set({ organizationId: a.org.id, coachUserId: b.coach.id, historyDays: 7 }));
  });

  it("a coach made a member, a member removed, a member who leaves: the access ends with the role", async () => {
    const { org, coach, member, owner } = await makeTeam(handle.db, "roles");
    await giveScores(handle.db, member.id);
    const memberCaller = callerFor(handle.db, member);
    await memberCaller.teams.shares.set({ organizationId: org.id, coachUserId: coach.id, historyDays: 7 });
    await callerFor(handle.db, owner).teams.members.setRole({ organizationId: org.id, userId: coach.id, role: "member" });
    await notFound(callerFor(handle.db, coach).teams.coach.member({ organizationId: org.id, memberUserId: member.id }));
    await callerFor(handle.db, owner).teams.members.setRole({ organizationId: org.id, userId: coach.id, role: "coach" });
    // The share by name was withdrawn with the role: promoting again does not bring it back.
    await notFound(callerFor(handle.db, coach).teams.coach.member({ organizationId: org.id, memberUserId: member.id }));

    await memberCaller.teams.shares.set({ organizationId: org.id, coachUserId: null, historyDays: 7 });
    expect((await callerFor(handle.db, coach).teams.coach.members({ organizationId: org.id })).items).toHaveLength(1);
    await memberCaller.teams.leave({ organizationId: org.id });
    expect((await callerFor(handle.db, coach).teams.coach.members({ organizationId: org.id })).items).toEqual([]);
    await notFound(memberCaller.teams.shares.mine({ organizationId: org.id }));
  });
});
