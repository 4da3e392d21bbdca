import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, energyScores, jobEvents, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { badRequestFields, callerFor, sessionFor } from "../../../testing";
import type { SessionUser } from "../../../trpc";
import { DEFAULT_SCORE_WEIGHTS } from "./weights";

const handle = withTestDb({ inProcessJobs: true });

async function user(email: string, role: SessionUser["role"] = "user"): Promise<SessionUser> {
  const [row] = await handle.db.insert(users).values({ email, role }).returning();
  return sessionFor(row!);
}

async function recomputesRequestedFor(userId: string): Promise<number> {
  const rows = await handle.db.select().from(jobEvents).where(eq(jobEvents.name, "analytics/recompute.requested"));
  return rows.filter((r) => r.data.userId === userId && r.data.reason === "weights").length;
}

describe("score weights", () => {
  it("resolve documented defaults, then the admin's defaults, then the user's overrides", async () => {
    const admin = await user("admin-w@example.com", "admin");
    const ada = await user("ada-w@example.com");
    const bob = await user("bob-w@example.com");
    const asAda = callerFor(handle.db, ada);

    expect(await asAda.energyScore.weights()).toEqual({ defaults: DEFAULT_SCORE_WEIGHTS, adminDefaults: {}, overrides: {}, effective: DEFAULT_SCORE_WEIGHTS });

    await callerFor(handle.db, admin).admin.scoreWeights.set({ weights: { hrv: 25, sleep_regularity: 5 } });
    await asAda.energyScore.setWeights({ weights: { hrv: 10, temperature: 0 } });
    const layers = await asAda.energyScore.weights();
    expect(layers.adminDefaults).toEqual({ hrv: 25, sleep_regularity: 5 });
    expect(layers.overrides).toEqual({ hrv: 10, temperature: 0 });
    // hrv: the user's 10 over the admin's 25; regularity: the admin's 5; temperature: the user's 0; the rest documented.
    expect(layers.effective).toEqual({ ...DEFAULT_SCORE_WEIGHTS, hrv: 10, sleep_regularity: 5, temperature: 0 });

    // Bob has no overrides of his own and never sees Ada's.
    expect((await callerFor(handle.db, bob).energyScore.weights()).effective).toEqual({ ...DEFAULT_SCORE_WEIGHTS, hrv: 25, sleep_regularity: 5 });

    // A set replaces the overrides; reset removes them.
    expect((await asAda.energyScore.setWeights({ weights: { resting_heart_rate: 30 } })).overrides).toEqual({ resting_heart_rate: 30 });
    const reset = await asAda.energyScore.resetWeights();
    expect(reset.overrides).toEqual({});
    expect(reset.effective).toEqual({ ...DEFAULT_SCORE_WEIGHTS, hrv: 25, sleep_regularity: 5 });
    // Two sets and a reset: three recomputes asked for.
    expect(await recomputesRequestedFor(ada.id)).toBe(3);
    // Resetting with nothing to reset asks for none.
    await asAda.energyScore.resetWeights();
    expect(await recomputesRequestedFor(ada.id)).toBe(3);
  });

  it("refuse weights out of 0–30, fractions, unknown keys and a set that weighs nothing, naming the field", async () => {
    const asCy = callerFor(handle.db, await user("cy-w@example.com"));
    expect(await badRequestFields(asCy.energyScore.setWeights({ weights: { hrv: 31 } }))).toEqual(["weights.hrv"]);
    expect(await badRequestFields(asCy.energyScore.setWeights({ weights: { hrv: -1 } }))).toEqual(["weights.hrv"]);
    expect(await badRequestFields(asCy.energyScore.setWeights({ weights: { sleep_duration: 2.5 } }))).toEqual(["weights.sleep_duration"]);
    expect(await badRequestFields(asCy.energyScore.setWeights({ weights: { mood: 5 } as never }))).toEqual(["weights"]);
    const nothing = Object.fromEntries(Object.keys(DEFAULT_SCORE_WEIGHTS).map((key) => [key, key.startsWith("journal_") ? 10 : 0]));
    expect(await badRequestFields(asCy.energyScore.setWeights({ weights: nothing }))).toEqual(["weights"]);
    expect((await asCy.energyScore.weights()).overrides).toEqual({});
    await expect(callerFor(handle.db, null).energyScore.weights()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("admin defaults: admins only, audited, and a recompute for every user with scores", async () => {
    const admin = await user("admin2-w@example.com", "admin");
    const scored = await user("scored-w@example.com");
    const unscored = await user("unscored-w@example.com");
    await handle.db.insert(energyScores).values({ userId: scored.id, localDate: "2026-03-01", state: "calibrating", calibrationDaysLeft: 14 });
    const asAdmin = callerFor(handle.db, admin, { ip: "10.0.0.7" });

    await expect(callerFor(handle.db, scored).admin.scoreWeights.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(handle.db, scored).admin.scoreWeights.set({ weights: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await badRequestFields(asAdmin.admin.scoreWeights.set({ weights: { temperature: 40 } }))).toEqual(["weights.temperature"]);

    const before = await asAdmin.admin.scoreWeights.get();
    const saved = await asAdmin.admin.scoreWeights.set({ weights: { activity_balance: 20 } });
    expect(saved.adminDefaults).toEqual({ activity_balance: 20 });
    expect(saved.effective).toEqual({ ...DEFAULT_SCORE_WEIGHTS, activity_balance: 20 });
    expect(saved.updatedAt).toBeInstanceOf(Date);

    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "analytics.score-weights-changed"), eq(auditEvents.actorUserId, admin.id)));
    expect(event).toMatchObject({ targetType: "analytics-setting", targetId: "score-weights", ip: "10.0.0.7", details: { before: before.adminDefaults, after: { activity_balance: 20 } } });
    expect(await recomputesRequestedFor(scored.id)).toBe(1);
    expect(await recomputesRequestedFor(unscored.id)).toBe(0);

    // An empty set returns to the documented defaults.
    expect((await asAdmin.admin.scoreWeights.set({ weights: {} })).effective).toEqual(DEFAULT_SCORE_WEIGHTS);
  });
});
