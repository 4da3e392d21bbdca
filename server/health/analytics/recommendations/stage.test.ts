import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aiRequests, recommendations } from "@/db/schema/analytics";
import { users } from "@/db/schema/auth";
import { withTestDb } from "@/db/testing";
import { onPlan } from "@/server/account/plans/testing";
import { startFakeOpenAI, type FakeOpenAI } from "../../../ai/testing/fake-openai";
import { addDays } from "../../local-date";
import type { InsightContext } from "../stage";
import { createRecommendationsStage } from "./stage";
import { narrativeForEveryItem } from "./testing/fake-narratives";
import { contributor, loadDays, risk, scoredDay, TODAY } from "./testing/fixtures";

const handle = withTestDb();
let fake: FakeOpenAI;
beforeAll(async () => void (fake = await startFakeOpenAI()));
afterAll(() => fake.close());

const NAME = "Ottoline Brackenbury";
const noAi = createRecommendationsStage({ aiConfig: () => ({ ...fake.config(), apiKey: null }) });
const withAi = () => createRecommendationsStage({ aiConfig: () => fake.config() });

/** A user on Pro (AI narratives are a Pro feature) unless `plan` says otherwise. */
async function context(fields: Partial<InsightContext> = {}, plan: "free" | "pro" = "pro"): Promise<InsightContext> {
  const [user] = await handle.db.insert(users).values({ email: `ottoline-${crypto.randomUUID()}@example.com`, name: NAME }).returning();
  if (plan === "pro") await onPlan(handle.db, user!.id, "pro");
  return { db: handle.db, userId: user!.id, today: TODAY, timeZone: "UTC", sleepNeedSeconds: 8 * 3600, days: [], scores: [], risks: [], correlations: [], ...fields };
}

const rowsOf = (userId: string) => handle.db.select().from(recommendations).where(eq(recommendations.userId, userId)).orderBy(recommendations.priority, recommendations.ruleId);

describe("recommendationsStage", () => {
  it("stores today's recommendations by priority, without a narrative and without a call when no key is set", async () => {
    const ctx = await context({ days: loadDays(1000, 1800), risks: [risk("sleep_debt", "moderate", [20_000])] });
    const before = fake.requests.length;
    await noAi.run(ctx);
    const rows = await rowsOf(ctx.userId);
    expect(rows.map((r) => [r.ruleId, r.localDate, r.priority, r.status, r.narrative])).toEqual([
      ["earlier_bedtime", TODAY, 3, "open", null],
      ["ease_off", TODAY, 3, "open", null],
    ]);
    expect(rows.find((r) => r.ruleId === "ease_off")!.expectedImpact).toEqual({ metric: "active_energy", delta: -240, text: "about −240 kJ a day brings your week back into balance" });
    expect(fake.requests.length).toBe(before);
    expect(await handle.db.select().from(aiRequests).where(eq(aiRequests.userId, ctx.userId))).toEqual([]);
  });

  it("refreshes a rule's row on a rerun without touching the user's mark", async () => {
    const ctx = await context({ risks: [risk("sleep_debt", "moderate", [20_000])] });
    await noAi.run(ctx);
    const [first] = await rowsOf(ctx.userId);
    const markedAt = new Date("2026-03-31T07:00:00Z");
    await handle.db.update(recommendations).set({ status: "done", statusChangedAt: markedAt }).where(eq(recommendations.id, first!.id));
    ctx.risks = [risk("sleep_debt", "high", [40_000])];
    await noAi.run(ctx);
    const [again, ...rest] = await rowsOf(ctx.userId);
    expect(rest).toEqual([]);
    expect(again).toMatchObject({ id: first!.id, status: "done", statusChangedAt: markedAt, priority: 2 });
    expect(again!.body).toMatch(/^You are 11 h 7 min short/);
  });

  it("removes today's open rows whose rule stopped firing, keeps marked ones and other days'", async () => {
    const ctx = await context({ days: loadDays(1000, 1800), risks: [risk("sleep_debt", "moderate", [20_000])] });
    await handle.db.insert(recommendations).values({
      userId: ctx.userId,
      ruleId: "fixed_wake_time",
      localDate: addDays(TODAY, -1),
      title: "yesterday",
      body: "yesterday",
      expectedImpact: { metric: "score", delta: 2, text: "" },
      priority: 4,
    });
    await noAi.run(ctx);
    await handle.db.update(recommendations).set({ status: "dismissed" }).where(and(eq(recommendations.userId, ctx.userId), eq(recommendations.ruleId, "ease_off")));
    ctx.days = [];
    ctx.risks = [];
    await noAi.run(ctx);
    expect((await rowsOf(ctx.userId)).map((r) => [r.ruleId, r.localDate, r.status])).toEqual([
      ["ease_off", TODAY, "dismissed"],
      ["fixed_wake_time", addDays(TODAY, -1), "open"],
    ]);
  });

  it("with a key: one gateway call per run, after the commit (never inside the transaction), narratives stored per rule, nothing personal in the prompt", async () => {
    const ctx = await context({
      days: loadDays(1000, 1800),
      risks: [risk("resting_hr_elevated", "moderate", [58, 58], 52)],
      scores: [scoredDay({ contributors: [contributor("resting_heart_rate", { z: -2.6, points: -5.2, explanation: `${NAME}: resting HR up` })] })],
    });
    fake.reply(narrativeForEveryItem);
    const before = fake.requests.length;
    const stage = withAi();
    await stage.run(ctx);
    expect(fake.requests.length).toBe(before);
    await stage.afterCommit!(ctx);
    expect(fake.requests.length).toBe(before + 1);
    const rows = await rowsOf(ctx.userId);
    expect(rows.map((r) => [r.ruleId, r.narrative])).toEqual([
      ["rest_day", "Narrative for rest_day."],
      ["ease_off", "Narrative for ease_off."],
    ]);
    const sent = fake.requests.at(-1)!;
    expect(sent.raw).not.toMatch(/ottoline|brackenbury|@example\.com/i);
    for (const row of rows) {
      expect(sent.raw).not.toContain(row.title);
      expect(sent.raw).not.toContain(row.body.slice(0, 30));
    }
    expect(JSON.parse(sent.body.messages![1]!.content)).toMatchObject({
      date: TODAY,
      score: { value: 72, status: "good", confidence: 0.9 },
      contributors: [{ key: "resting_heart_rate", z: -2.6, points: -5.2 }],
      risks: [{ kind: "resting_hr_elevated", severity: "moderate", days: 2 }],
      items: [
        { id: "rest_day", priority: 2, metric: "score", delta: 5, unit: "points", basis: ["risk: resting_hr_elevated"] },
        { id: "ease_off", priority: 3, metric: "active_energy", delta: -240, unit: "kJ", basis: ["contributor: activity_balance"] },
      ],
    });
    const [audit] = await handle.db.select().from(aiRequests).where(eq(aiRequests.userId, ctx.userId));
    expect(audit).toMatchObject({ feature: "recommendation-narratives", outcome: "ok" });
  });

  it("keeps the deterministic text (narrative null) when the answer names an id it was not asked about", async () => {
    const ctx = await context({ risks: [risk("hrv_suppressed", "low", [40, 40, 40], 50)] });
    fake.reply({ content: JSON.stringify({ items: [{ id: "made_up_rule", narrative: "?" }] }) });
    const stage = withAi();
    await stage.run(ctx);
    await stage.afterCommit!(ctx);
    expect((await rowsOf(ctx.userId)).map((r) => [r.ruleId, r.narrative])).toEqual([["easy_training", null]]);
    const [audit] = await handle.db.select().from(aiRequests).where(eq(aiRequests.userId, ctx.userId));
    expect(audit!.outcome).toBe("invalid");
  });

  it("on the free plan: no gateway call with a key set, the deterministic text, and a narrative from an earlier plan cleared", async () => {
    const ctx = await context({ risks: [risk("hrv_suppressed", "low", [40, 40, 40], 50)] }, "free");
    const stage = withAi();
    await stage.run(ctx);
    await handle.db.update(recommendations).set({ narrative: "Told while on Pro." }).where(eq(recommendations.userId, ctx.userId));
    fake.reply(narrativeForEveryItem);
    const before = fake.requests.length;
    await stage.afterCommit!(ctx);
    expect(fake.requests.length).toBe(before);
    expect((await rowsOf(ctx.userId)).map((r) => [r.ruleId, r.narrative])).toEqual([["easy_training", null]]);
    expect(await handle.db.select().from(aiRequests).where(eq(aiRequests.userId, ctx.userId))).toEqual([]);
  });
});
