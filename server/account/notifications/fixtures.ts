import type { Database } from "@/db";
import { energyScores, riskFlags } from "@/db/schema/analytics";
import type { RiskKind } from "@/server/health/analytics/types";

/*
 * For tests (imported only by `*.test.ts` files): stored insights as the recompute leaves them, so
 * a source test can state exactly what there is to summarise.
 */

export async function storeScore(db: Database, userId: string, localDate: string, score = 78) {
  const baseline = (mean: number, sd: number) => ({ mean, sd, low: mean - sd, high: mean + sd, days: 60 });
  await db.insert(energyScores).values({
    userId,
    localDate,
    state: "scored",
    score,
    status: score >= 85 ? "peak" : score >= 70 ? "good" : score >= 55 ? "fair" : "low",
    confidence: 0.9,
    contributors: [
      { key: "hrv", measure: "hrv_rmssd", value: 61, baseline: baseline(52, 6), z: 1.5, points: 4.2, weight: 0.2, explanation: "HRV 1.5 SD above your normal range: +4" },
      { key: "sleep_duration", measure: "sleep_asleep_seconds", value: 23_400, baseline: baseline(27_000, 2_700), z: -1.2, points: -3.1, weight: 0.15, explanation: "Sleep 1 h short of your need: −3" },
      { key: "sleep_efficiency", measure: "sleep_efficiency", value: 0.9, baseline: baseline(0.9, 0.03), z: 0, points: 0.1, weight: 0.1, explanation: "Sleep efficiency normal: 0" },
    ],
    metrics: {
      sleep_asleep_seconds: { value: 23_400, baseline: baseline(27_000, 2_700) },
      hrv_rmssd: { value: 61, baseline: baseline(52, 6) },
      resting_heart_rate: { value: 53, baseline: baseline(55, 2) },
      steps: { value: 10_234, baseline: null },
    },
  });
}

export async function storeFlag(db: Database, userId: string, kind: RiskKind, days: readonly string[], title = `Flag ${kind}`) {
  await db.insert(riskFlags).values({
    userId,
    kind,
    localDate: days[days.length - 1]!,
    severity: "moderate",
    title,
    detail: `${title} on ${days.join(", ")}`,
    evidence: { rule: "test rule", days: days.map((date) => ({ date, value: 1, baselineMean: 0, z: 2.5 })) },
  });
}
