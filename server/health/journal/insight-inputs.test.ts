import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPlan } from "@/server/account/plans/testing";
import { correlations, dailySummaries, energyScores } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { startFakeOpenAI, type FakeOpenAI } from "@/server/ai/testing/fake-openai";
import { insertUser } from "../analytics/insights/testing/rows";
import { recomputeInsights } from "../analytics/recompute";
import { createRecommendationsStage } from "../analytics/recommendations/stage";
import { narrativeForEveryItem } from "../analytics/recommendations/testing/fake-narratives";
import { INSIGHT_STAGES } from "../analytics/stages";
import { syntheticHistory } from "../analytics/testing/synthetic-history";
import { saveEntry } from "./entries";

const handle = withTestDb({ inProcessJobs: true });
let fake: FakeOpenAI;
beforeAll(async () => void (fake = await startFakeOpenAI()));
afterAll(() => fake.close());

const SIX_HOURS = 6 * 3600;
/** Words only the notes hold: none of them may reach a prompt. */
const NOTE_WORDS = "Quarrelled with Wendeline about the mortgage";

describe("the journal in the insights", () => {
  it("feeds the score's journal contributors and the correlations (mood, energy, yes/no tags), and never sends a note to the AI gateway", { timeout: 60_000 }, async () => {
    const user = await insertUser(handle.db, "journal-insights@example.com");
    await onPlan(handle.db, user.id, "pro"); // the AI narrative is a Pro feature
    // 150 days: a night under 6 h lowers the next day's HRV by 15%; the user tags such nights "late screen" and rates
    // mood with sleep (about one point per hour) — both patterns the correlations must find.
    const history = syntheticHistory({ seed: "journal", from: "2026-01-01", days: 150 });
    await handle.db.insert(dailySummaries).values(history.days.map((d) => ({ userId: user.id, localDate: d.date, values: d.values })));
    const moods = new Map<string, number>();
    for (const [i, day] of history.days.entries()) {
      const sleep = day.values.sleep_asleep_seconds!;
      const mood = Math.min(10, Math.max(1, Math.round(sleep / 3600 - 1 + (i % 3) - 1)));
      moods.set(day.date, mood);
      await saveEntry(handle.db, { userId: user.id }, {
        date: day.date,
        mood,
        energy: 1 + (i % 10),
        tags: sleep < SIX_HOURS ? ["Late screen", "coffee"] : ["coffee"],
        notes: `${NOTE_WORDS} on ${day.date}`,
      });
    }
    const today = history.days.at(-1)!.date;

    fake.reply(narrativeForEveryItem);
    const withFakeAi = createRecommendationsStage({ aiConfig: () => fake.config() });
    const stages = INSIGHT_STAGES.map((s) => (s.name === withFakeAi.name ? withFakeAi : s));
    const result = await recomputeInsights(handle.db, user.id, { stages, now: new Date(`${today}T12:00:00Z`) });
    expect(result.stages.map((s) => s.name).slice(0, 2)).toEqual(["journal", "energy-score"]);

    // The score: the day's mood (1–10) is a contributor, against the user's own normal by now.
    const [scored] = await handle.db.select().from(energyScores).where(and(eq(energyScores.userId, user.id), eq(energyScores.localDate, today)));
    expect(scored!.state).toBe("scored");
    const mood = scored!.contributors.find((c) => c.key === "journal_mood");
    expect(mood).toMatchObject({ value: moods.get(today) });
    expect(scored!.contributors.find((c) => c.key === "journal_energy")).toBeDefined();

    // The correlations: the tag "Late screen" against the next day's HRV, and sleep against mood.
    const rows = await handle.db.select().from(correlations).where(eq(correlations.userId, user.id));
    const screen = rows.find((r) => r.x === "journal_tag:late screen" && r.y === "hrv_rmssd" && r.lag === 1);
    expect(screen).toMatchObject({ kind: "binary", significant: true });
    expect(screen!.sentence).toMatch(/^On days after you tagged “Late screen”, your HRV was \d+% lower/);
    const sleepMood = rows.find((r) => r.x === "sleep_asleep_seconds" && r.y === "journal_mood" && r.lag === 0);
    expect(sleepMood).toMatchObject({ kind: "continuous", significant: true });
    expect(sleepMood!.sentence).toMatch(/your mood was higher/);
    // A tag on every day has no days without it: it cannot be tested.
    expect(rows.some((r) => r.x === "journal_tag:coffee")).toBe(false);

    // The AI gateway was called, and no prompt carries anything of the notes.
    expect(fake.requests.length).toBeGreaterThan(0);
    for (const request of fake.requests) {
      expect(request.raw).not.toContain("Wendeline");
      expect(request.raw).not.toContain("mortgage");
    }
  });
});
