import type { Database } from "@/db";
import { correlations, energyScores, recommendations, riskFlags, users } from "@/db/schema";
import { sessionFor } from "@/server/testing";
import type { SessionUser } from "@/server/trpc";
import type { Contributor } from "../../types";

/* Rows of the insights tables as the recompute stages write them, for the read-side tests. */

export async function insertUser(db: Database, email: string): Promise<SessionUser> {
  const [row] = await db.insert(users).values({ email }).returning();
  return sessionFor(row!);
}

export const HRV_CONTRIBUTOR: Contributor = {
  key: "hrv",
  measure: "hrv_rmssd",
  value: 48,
  baseline: { mean: 3.99, sd: 0.12, low: 3.93, high: 4.05, days: 60 },
  z: -1.3,
  points: -9,
  weight: 0.3,
  explanation: "HRV 1.3 SD below your normal range: −9",
};

type ScoreRow = typeof energyScores.$inferInsert;

export function scoreRow(userId: string, localDate: string, score: number | null, extra: Partial<ScoreRow> = {}): ScoreRow {
  return {
    userId,
    localDate,
    state: score === null ? "calibrating" : "scored",
    score,
    status: score === null ? null : score >= 85 ? "peak" : score >= 70 ? "good" : score >= 55 ? "fair" : "low",
    confidence: score === null ? 0 : 0.75,
    calibrationDaysLeft: score === null ? 5 : null,
    contributors: score === null ? [] : [HRV_CONTRIBUTOR],
    metrics: score === null ? {} : { hrv_rmssd: { value: 48, baseline: { mean: 54, sd: 6, low: 51, high: 57, days: 60 } } },
    ...extra,
  };
}

export function recommendationRow(userId: string, localDate: string, ruleId: string, priority: number, extra: Partial<typeof recommendations.$inferInsert> = {}) {
  return {
    userId,
    localDate,
    ruleId,
    priority,
    title: `Do ${ruleId}`,
    body: `Because of ${ruleId}.`,
    expectedImpact: { metric: "score", delta: 4, text: "about +4 to your score" },
    basis: [{ kind: "contributor" as const, ref: "hrv" }],
    ...extra,
  } satisfies typeof recommendations.$inferInsert;
}

export function riskRow(userId: string, localDate: string, kind: (typeof riskFlags.$inferInsert)["kind"], severity: (typeof riskFlags.$inferInsert)["severity"]) {
  return {
    userId,
    localDate,
    kind,
    severity,
    title: `${kind} on ${localDate}`,
    detail: "Resting heart rate was well above your normal range.",
    evidence: { rule: "resting HR ≥ 2 SD above normal on 2 days running", days: [{ date: localDate, value: 61, baselineMean: 54, z: 2.4 }] },
  } satisfies typeof riskFlags.$inferInsert;
}

export function correlationRow(userId: string, x: string, y: string, lag: number, qValue: number, extra: Partial<typeof correlations.$inferInsert> = {}) {
  const significant = qValue <= 0.05;
  return {
    userId,
    computedOn: "2026-06-10",
    x,
    y,
    lag,
    kind: "continuous" as const,
    n: 41,
    pearsonR: 0.45,
    pearsonP: qValue / 2,
    spearmanRho: 0.41,
    spearmanP: qValue / 2,
    qValue,
    significant,
    effect: 0.45,
    effectLow: 0.17,
    effectHigh: 0.66,
    strength: "moderate" as const,
    sentence: `${x} and ${y}, ${lag} days apart; n = 41`,
    ...extra,
  } satisfies typeof correlations.$inferInsert;
}
