import { describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { dailySummaries, energyScores, profiles, providerConnections, recommendations, riskFlags } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { readDashboard } from "./dashboard";
import { HRV_CONTRIBUTOR, insertUser, recommendationRow, riskRow, scoreRow } from "./testing/rows";

const handle = withTestDb();

// 20:00 UTC on 10 June is 08:00 on 11 June in Auckland (NZST, UTC+12): the user's today is the 11th.
const NOW = new Date("2026-06-10T20:00:00Z");

/** A db whose every statement is counted, to hold the dashboard to one round trip. */
function counting(db: Database): { db: Database; statements: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value === "function" && ["execute", "select", "insert", "update", "delete", "transaction", "query"].includes(String(prop))) {
        return (...args: unknown[]) => {
          n++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: proxy, statements: () => n };
}

describe("the dashboard read", () => {
  it("answers a user's whole morning view in one statement, on their local day, with nobody else's rows", async () => {
    const alice = await insertUser(handle.db, "alice-dash@example.com");
    const bob = await insertUser(handle.db, "bob-dash@example.com");
    await handle.db.insert(profiles).values([{ userId: alice.id, timeZone: "Pacific/Auckland" }]);
    // Scores 3…11 June; the trend is the 7 days ending today: 5…11 June.
    const days = ["03", "04", "05", "06", "07", "08", "09", "10", "11"].map((d) => `2026-06-${d}`);
    const guard = "No top status while your resting heart rate is clearly above normal.";
    await handle.db.insert(energyScores).values(days.map((day, i) => scoreRow(alice.id, day, 60 + i, day === "2026-06-11" ? { guard } : {})));
    await handle.db.insert(energyScores).values(scoreRow(bob.id, "2026-06-12", 99));
    await handle.db.insert(recommendations).values([
      recommendationRow(alice.id, "2026-06-11", "r1", 3),
      recommendationRow(alice.id, "2026-06-11", "r2", 1),
      recommendationRow(alice.id, "2026-06-11", "r3", 2, { status: "done", statusChangedAt: new Date("2026-06-10T19:00:00Z") }),
      recommendationRow(alice.id, "2026-06-11", "r4", 5),
      recommendationRow(alice.id, "2026-06-11", "r5", 4),
      recommendationRow(alice.id, "2026-06-10", "r6", 0),
      recommendationRow(bob.id, "2026-06-11", "b1", 0),
    ]);
    await handle.db.insert(riskFlags).values([
      riskRow(alice.id, "2026-06-11", "resting_hr_elevated", "moderate"),
      riskRow(alice.id, "2026-06-10", "resting_hr_elevated", "high"),
      riskRow(alice.id, "2026-06-10", "sleep_debt", "high"),
      riskRow(alice.id, "2026-06-09", "hrv_suppressed", "high"),
      riskRow(bob.id, "2026-06-11", "temperature_deviation", "high"),
    ]);
    await handle.db.insert(providerConnections).values([
      { userId: alice.id, provider: "demo", status: "active", lastSyncAt: new Date("2026-06-10T18:00:00Z") },
      { userId: alice.id, provider: "oura", status: "disconnected", lastSyncAt: new Date("2026-06-01T08:00:00Z") },
      { userId: bob.id, provider: "demo", status: "active", lastSyncAt: new Date("2026-06-10T19:59:00Z") },
    ]);
    await handle.db.insert(dailySummaries).values({ userId: alice.id, localDate: "2026-06-11", values: { steps: 900 } });

    const counted = counting(handle.db);
    const view = await readDashboard(counted.db, alice.id, NOW);
    expect(counted.statements()).toBe(1);

    expect(view.today).toBe("2026-06-11");
    expect(view.latest).toMatchObject({
      localDate: "2026-06-11",
      state: "scored",
      score: 68,
      status: "fair",
      confidence: 0.75,
      calibrationDaysLeft: null,
      contributors: [HRV_CONTRIBUTOR],
      metrics: { hrv_rmssd: { value: 48, baseline: { mean: 54, sd: 6, low: 51, high: 57, days: 60 } } },
      guard,
    });
    expect(view.latest!.computedAt).toBeInstanceOf(Date);
    // 5 June was the third day (60 + 2), 10 June the eighth (60 + 7); 11 June is the guarded 68.
    expect(view.trend.map((p) => [p.localDate, p.score])).toEqual([
      ["2026-06-05", 62],
      ["2026-06-06", 63],
      ["2026-06-07", 64],
      ["2026-06-08", 65],
      ["2026-06-09", 66],
      ["2026-06-10", 67],
      ["2026-06-11", 68],
    ]);
    // Today's open ones by priority (r3 is done; r6 is yesterday's, superseded by today's list): 4 open, 3 shown.
    expect(view.recommendations.map((r) => [r.title, r.priority])).toEqual([
      ["Do r2", 1],
      ["Do r1", 3],
      ["Do r5", 4],
    ]);
    expect(view.openRecommendations).toBe(4);
    expect(view.recommendations[0]).toMatchObject({ expectedImpact: { metric: "score", delta: 4, text: "about +4 to your score" }, basis: [{ kind: "contributor", ref: "hrv" }], status: "open", statusChangedAt: null });
    // The newest flag per kind of today and yesterday, most severe first; 9 June is too old.
    expect(view.risks.map((r) => [r.kind, r.localDate, r.severity])).toEqual([
      ["sleep_debt", "2026-06-10", "high"],
      ["resting_hr_elevated", "2026-06-11", "moderate"],
    ]);
    expect(view.risks[0]!.evidence.days[0]).toEqual({ date: "2026-06-10", value: 61, baselineMean: 54, z: 2.4 });
    expect(view.sync).toEqual({ lastSyncAt: new Date("2026-06-10T18:00:00Z"), connections: 1 });
    expect(view.hasData).toBe(true);
  });

  it("falls back to yesterday's open recommendations before today's are made", async () => {
    const user = await insertUser(handle.db, "dana-dash@example.com");
    await handle.db.insert(recommendations).values([recommendationRow(user.id, "2026-06-09", "old", 1), recommendationRow(user.id, "2026-06-10", "y1", 2)]);
    // No profile: UTC, so today is 10 June at NOW.
    const view = await readDashboard(handle.db, user.id, NOW);
    expect(view.today).toBe("2026-06-10");
    expect(view.recommendations.map((r) => r.title)).toEqual(["Do y1"]);
    const later = await readDashboard(handle.db, user.id, new Date("2026-06-12T10:00:00Z"));
    expect(later.recommendations).toEqual([]);
    expect(later.openRecommendations).toBe(0);
  });

  it("says a new user has nothing yet, and a calibrating user how many days are left", async () => {
    const carol = await insertUser(handle.db, "carol-dash@example.com");
    expect(await readDashboard(handle.db, carol.id, NOW)).toEqual({
      today: "2026-06-10",
      latest: null,
      trend: [],
      recommendations: [],
      openRecommendations: 0,
      risks: [],
      sync: { lastSyncAt: null, connections: 0 },
      hasData: false,
    });
    await handle.db.insert(energyScores).values(scoreRow(carol.id, "2026-06-10", null, { calibrationDaysLeft: 9 }));
    const calibrating = await readDashboard(handle.db, carol.id, NOW);
    expect(calibrating.latest).toMatchObject({ state: "calibrating", score: null, status: null, calibrationDaysLeft: 9, contributors: [] });
    expect(calibrating.trend).toEqual([{ localDate: "2026-06-10", state: "calibrating", score: null, status: null }]);
  });
});
