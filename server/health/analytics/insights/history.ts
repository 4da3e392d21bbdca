import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import type { Database } from "@/db";
import { energyScores, riskFlags } from "@/db/schema";
import { assertSummaryRange } from "../../timeseries/summaries";
import type { RiskView, ScorePointView } from "./schemas";

/** Scores between two local dates (inclusive), oldest first; the same range limit as daily summaries. */
export async function scoresBetween(db: Database, userId: string, from: string, to: string): Promise<ScorePointView[]> {
  assertSummaryRange(from, to);
  return db
    .select({ localDate: energyScores.localDate, state: energyScores.state, score: energyScores.score, status: energyScores.status })
    .from(energyScores)
    .where(and(eq(energyScores.userId, userId), gte(energyScores.localDate, from), lte(energyScores.localDate, to)))
    .orderBy(asc(energyScores.localDate));
}

/** Risk flags raised between two local dates (inclusive), newest first. */
export async function risksBetween(db: Database, userId: string, from: string, to: string): Promise<RiskView[]> {
  assertSummaryRange(from, to);
  return db
    .select({
      id: riskFlags.id,
      kind: riskFlags.kind,
      localDate: riskFlags.localDate,
      severity: riskFlags.severity,
      title: riskFlags.title,
      detail: riskFlags.detail,
      evidence: riskFlags.evidence,
    })
    .from(riskFlags)
    .where(and(eq(riskFlags.userId, userId), gte(riskFlags.localDate, from), lte(riskFlags.localDate, to)))
    .orderBy(desc(riskFlags.localDate), asc(riskFlags.kind));
}
