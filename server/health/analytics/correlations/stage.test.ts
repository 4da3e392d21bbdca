import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { correlations, users } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { historyContext } from "../testing/history-context";
import { syntheticHistory } from "../testing/synthetic-history";
import { correlationsStage, correlationsStageWith } from "./stage";

const handle = withTestDb();

async function userId(email: string): Promise<string> {
  const [row] = await handle.db.insert(users).values({ email }).returning();
  return row!.id;
}

describe("correlationsStage", () => {
  it("replaces the user's correlations with this run's, over the last 365 days, and fills the context", async () => {
    const alice = await userId("alice-corr@example.com");
    const bob = await userId("bob-corr@example.com");
    // 500 days ending 2026-05-31: the stage looks at 2025-06-01 … 2026-05-31 only.
    const history = syntheticHistory({ seed: "stage", from: "2025-01-17", days: 500 });
    const ctx = historyContext(handle.db, alice, { today: "2026-05-31", ...history });
    await correlationsStage.run(historyContext(handle.db, bob, { today: "2026-05-31", ...history }));
    await correlationsStage.run(ctx);
    const rows = await handle.db.select().from(correlations).where(eq(correlations.userId, alice));
    expect(rows.length).toBe(ctx.correlations.length);
    expect(rows.length).toBeGreaterThan(150);
    expect(rows.every((r) => r.computedOn === "2026-05-31")).toBe(true);
    const inWindow = history.days.filter((d) => d.date >= "2025-06-01").length;
    const sameDay = rows.find((r) => r.x === "hrv_rmssd" && r.y === "resting_heart_rate" && r.lag === 0)!;
    expect(sameDay.n).toBe(inWindow);
    const planted = rows.find((r) => r.x === "sleep_under_6h" && r.y === "hrv_rmssd" && r.lag === 1)!;
    expect(planted).toMatchObject({ kind: "binary", significant: true, strength: "strong", pearsonR: null });
    expect(ctx.correlations.find((c) => c.x === "sleep_under_6h" && c.y === "hrv_rmssd" && c.lag === 1)?.sentence).toBe(planted.sentence);

    // The next day's run replaces every row (a pair that is no longer testable disappears).
    const fewer = { days: history.days.filter((d) => d.date <= "2025-07-10"), scores: [] };
    const next = historyContext(handle.db, alice, { today: "2025-07-10", ...fewer });
    await correlationsStage.run(next);
    const after = await handle.db.select().from(correlations).where(eq(correlations.userId, alice));
    expect(after.length).toBe(next.correlations.length);
    expect(after.some((r) => r.x === "score" || r.y === "score")).toBe(false);
    expect(after.every((r) => r.computedOn === "2025-07-10")).toBe(true);
    expect((await handle.db.select().from(correlations).where(eq(correlations.userId, bob))).length).toBe(rows.length);
  });

  it("takes extra series (the journal's) from its source, for the window", async () => {
    const carol = await userId("carol-corr@example.com");
    const history = syntheticHistory({ seed: "extra", from: "2026-01-01", days: 90 });
    let askedFrom = "";
    const stage = correlationsStageWith(async (_ctx, from) => {
      askedFrom = from;
      const tag = new Map(history.days.map((d, i) => [d.date, i % 4 === 0 ? 1 : 0]));
      return [{ key: "journal_tag_alcohol", kind: "binary", values: tag, label: "you logged alcohol" }];
    });
    const ctx = historyContext(handle.db, carol, { today: "2026-03-31", ...history });
    await stage.run(ctx);
    expect(askedFrom).toBe("2025-04-01");
    const tagged = ctx.correlations.filter((c) => c.x === "journal_tag_alcohol");
    expect(tagged).toHaveLength(7 * 4);
    expect(tagged[0]!.sentence).toMatch(/you logged alcohol/);
  });
});
