import { TRPCError } from "@trpc/server";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema/audit";
import { users } from "@/db/schema/auth";
import { dailySummaries } from "@/db/schema/timeseries";
import { withTestDb } from "@/db/testing";
import { createSession, resolveSession } from "@/server/account/auth/sessions";
import { createUser } from "@/server/account/auth/users";
import { currentPlan } from "@/server/account/plans/subscriptions";
import { onPlan } from "@/server/account/plans/testing";
import type { AuditAction } from "@/server/platform/audit/audit";
import { badRequestFields, callerFor, sessionFor } from "../../testing";
import type { SessionUser } from "../../trpc";

const test = withTestDb();
const ADMIN_IP = "203.0.113.9";
let admin: SessionUser;
let counter = 0;

async function newUser(role: "user" | "admin" = "user") {
  const user = await createUser(test.db, { email: `user-${++counter}@admin-test.example`, name: `Person ${counter}`, role, verified: true });
  return user;
}
const asAdmin = () => callerFor(test.db, admin, { ip: ADMIN_IP });

beforeAll(async () => {
  const row = await newUser("admin");
  admin = sessionFor(row, await createSession(test.db, { userId: row.id, ip: ADMIN_IP, userAgent: null }));
});

async function auditOf(action: AuditAction, subjectUserId: string) {
  return test.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectUserId, subjectUserId)));
}

describe("admin.users", () => {
  it("searches by email or name, pages, and shows plan, status and last seen", async () => {
    const found = await newUser();
    await onPlan(test.db, found.id, "team");
    await createSession(test.db, { userId: found.id, ip: null, userAgent: null, now: new Date("2026-01-02T03:04:05Z") });
    const byEmail = await asAdmin().admin.users.search({ q: found.email.toUpperCase() });
    expect(byEmail.items).toEqual([
      expect.objectContaining({ id: found.id, plan: "team", status: "active", lastSeenAt: new Date("2026-01-02T03:04:05Z") }),
    ]);
    const byName = await asAdmin().admin.users.search({ q: `Person ${counter}` });
    expect(byName.items.map((u) => u.id)).toEqual([found.id]);
    expect((await asAdmin().admin.users.search({ q: "100%_" })).items).toEqual([]);

    const first = await asAdmin().admin.users.search({ limit: 1 });
    expect(first.items).toHaveLength(1);
    const second = await asAdmin().admin.users.search({ limit: 1, cursor: first.nextCursor });
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  it("opens a user's account, plan, connections and sessions, and no health data", async () => {
    const user = await newUser();
    await createSession(test.db, { userId: user.id, ip: "198.51.100.4", userAgent: "Mozilla/5.0 (iPhone)" });
    const detail = await asAdmin().admin.users.get({ userId: user.id });
    expect(detail.account.email).toBe(user.email);
    expect(detail.plan).toBe("free");
    expect(detail.subscription).toBeNull();
    expect(detail.sessions).toEqual([expect.objectContaining({ ip: "198.51.100.4" })]);
    expect(Object.keys(detail)).toEqual(["account", "plan", "subscription", "connections", "sessions"]);
    await expect(asAdmin().admin.users.get({ userId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("changes the plan by hand through saveSubscription, and back to free", async () => {
    const user = await newUser();
    expect(await asAdmin().admin.users.setPlan({ userId: user.id, plan: "pro", reason: "Support ticket 42" })).toEqual({ plan: "pro", previousPlan: "free" });
    expect(await currentPlan(test.db, user.id)).toBe("pro");
    expect(await asAdmin().admin.users.setPlan({ userId: user.id, plan: "free", reason: "Refund asked" })).toEqual({ plan: "free", previousPlan: "pro" });
    expect(await currentPlan(test.db, user.id)).toBe("free");
    const [entry] = await auditOf("admin.plan-changed", user.id);
    expect(entry).toMatchObject({ actorUserId: admin.id, ip: ADMIN_IP, details: { reason: "Support ticket 42", from: "free", to: "pro" } });
    expect(await badRequestFields(asAdmin().admin.users.setPlan({ userId: user.id, plan: "pro", reason: "" }))).toEqual(["reason"]);
  });

  it("disables an account: its sessions die and it comes back only when enabled", async () => {
    const user = await newUser();
    const sessionId = await createSession(test.db, { userId: user.id, ip: null, userAgent: null });
    expect(await resolveSession(test.db, sessionId)).not.toBeNull();
    const result = await asAdmin().admin.users.disable({ userId: user.id, reason: "Abuse report" });
    expect(result.sessionsEnded).toBe(1);
    expect(await resolveSession(test.db, sessionId)).toBeNull();
    const [row] = await test.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.disabledAt).not.toBeNull();
    expect((await asAdmin().admin.users.search({ q: user.email })).items[0]?.status).toBe("disabled");

    await asAdmin().admin.users.enable({ userId: user.id, reason: "Resolved" });
    const fresh = await createSession(test.db, { userId: user.id, ip: null, userAgent: null });
    expect(await resolveSession(test.db, fresh)).not.toBeNull();
  });

  it("refuses to disable yourself or demote the last admin", async () => {
    await expect(asAdmin().admin.users.disable({ userId: admin.id, reason: "Oops" })).rejects.toMatchObject({ code: "CONFLICT" });
    // The tests above made no other admin: this one is the last.
    const [admins] = await test.db.select({ n: count() }).from(users).where(eq(users.role, "admin"));
    expect(admins?.n).toBe(1);
    await expect(asAdmin().admin.users.setRole({ userId: admin.id, role: "user", reason: "Stepping down" })).rejects.toMatchObject({ code: "CONFLICT" });

    const second = await newUser();
    await asAdmin().admin.users.setRole({ userId: second.id, role: "admin", reason: "New operator" });
    expect(await asAdmin().admin.users.setRole({ userId: second.id, role: "user", reason: "Trial over" })).toEqual({ role: "user" });
  });

  it("ends all of a user's sessions", async () => {
    const user = await newUser();
    const one = await createSession(test.db, { userId: user.id, ip: null, userAgent: null });
    const two = await createSession(test.db, { userId: user.id, ip: null, userAgent: null });
    expect(await asAdmin().admin.users.endSessions({ userId: user.id })).toEqual({ sessionsEnded: 2 });
    expect(await resolveSession(test.db, one)).toBeNull();
    expect(await resolveSession(test.db, two)).toBeNull();
  });

  it("opens health data only with a reason of 10 characters or more, and records it", async () => {
    const user = await newUser();
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    await test.db.insert(dailySummaries).values(Array.from({ length: 35 }, (_, i) => ({ userId: user.id, localDate: day(i), values: { steps: i } })));
    expect(await badRequestFields(asAdmin().admin.users.healthData({ userId: user.id, reason: "curious" }))).toEqual(["reason"]);
    expect(await badRequestFields(asAdmin().admin.users.healthData({ userId: user.id } as never))).toEqual(["reason"]);
    expect(await auditOf("admin.health-data-opened", user.id)).toEqual([]);

    const data = await asAdmin().admin.users.healthData({ userId: user.id, reason: "User asked why sync stopped" });
    expect(data.summaries).toHaveLength(30);
    expect(data.summaries[0]?.localDate).toBe("2026-02-04");
    const [entry] = await auditOf("admin.health-data-opened", user.id);
    expect(entry?.details).toMatchObject({ reason: "User asked why sync stopped" });
  });
});

describe("every admin action writes an audit entry", () => {
  const cases: { action: AuditAction; run: (userId: string) => Promise<unknown> }[] = [
    { action: "admin.user-opened", run: (userId) => asAdmin().admin.users.get({ userId }) },
    { action: "admin.health-data-opened", run: (userId) => asAdmin().admin.users.healthData({ userId, reason: "Support ticket 1234" }) },
    { action: "admin.plan-changed", run: (userId) => asAdmin().admin.users.setPlan({ userId, plan: "team", reason: "Partner deal" }) },
    { action: "admin.role-changed", run: (userId) => asAdmin().admin.users.setRole({ userId, role: "admin", reason: "New operator" }) },
    { action: "admin.user-disabled", run: (userId) => asAdmin().admin.users.disable({ userId, reason: "Abuse report" }) },
    { action: "admin.user-enabled", run: (userId) => asAdmin().admin.users.enable({ userId, reason: "Resolved" }) },
    { action: "admin.sessions-ended", run: (userId) => asAdmin().admin.users.endSessions({ userId, reason: "Lost phone" }) },
  ];
  it.each(cases)("$action: actor, subject, target and ip", async ({ action, run }) => {
    const user = await newUser();
    await run(user.id);
    const entries = await auditOf(action, user.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: admin.id, subjectUserId: user.id, targetType: null, targetId: null, ip: ADMIN_IP });
  });
});

describe("a plain user", () => {
  it("is refused by every admin user procedure before anything happens", async () => {
    const plainRow = await newUser();
    const victim = await newUser();
    const plain = callerFor(test.db, sessionFor(plainRow));
    const attempts = [
      plain.admin.users.search({}),
      plain.admin.users.get({ userId: victim.id }),
      plain.admin.users.setPlan({ userId: victim.id, plan: "team", reason: "free upgrade" }),
      plain.admin.users.setRole({ userId: plainRow.id, role: "admin", reason: "promote me" }),
      plain.admin.users.disable({ userId: victim.id, reason: "grief" }),
      plain.admin.users.enable({ userId: victim.id, reason: "grief" }),
      plain.admin.users.endSessions({ userId: victim.id }),
      plain.admin.users.healthData({ userId: victim.id, reason: "snooping around" }),
      plain.admin.audit.list({}),
      plain.admin.outbox.resend({ id: victim.id }),
    ];
    for (const attempt of attempts) {
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("FORBIDDEN");
    }
    expect(await currentPlan(test.db, victim.id)).toBe("free");
    expect(await test.db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, victim.id))).toEqual([]);
  });
});
