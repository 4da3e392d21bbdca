import { eq } from "drizzle-orm";
import { correlations } from "@/db/schema";
import { slicesOf } from "@/db/upsert";
import { addDays } from "../../local-date";
import type { FoundCorrelation, InsightContext, InsightStage } from "../stage";
import { findCorrelations, type CorrelationResult } from "./correlate";
import { buildSeries, type DailySeries } from "./series";

/** Correlations look at the last year of days (today included). */
export const CORRELATION_WINDOW_DAYS = 365;
const INSERT_CHUNK = 500;

/** The columns of a result: all of it but the raw p (the q-value it was adjusted to is kept). */
const stored = ({ pValue: _pValue, ...columns }: CorrelationResult) => columns;

/** What the stages after this one read of a result. */
const found = ({ pValue: _pValue, pearsonR: _r, pearsonP: _rp, spearmanRho: _rho, spearmanP: _rhop, ...rest }: CorrelationResult): FoundCorrelation => rest;

/** Where series beyond the summaries come from (the journal's mood, energy and yes/no tags). */
export type ExtraSeriesSource = (ctx: InsightContext, from: string) => Promise<DailySeries[]>;

/**
 * The correlations stage with extra series from `extra`: tests every pair over the window,
 * replaces the user's stored correlations with this run's (computedOn = today), and leaves them
 * in ctx.correlations for the recommendations.
 */
export function correlationsStageWith(extra: ExtraSeriesSource): InsightStage {
  return {
    name: "correlations",
    async run(ctx) {
      const from = addDays(ctx.today, -(CORRELATION_WINDOW_DAYS - 1));
      const series = buildSeries({ days: ctx.days, scores: ctx.scores, from, to: ctx.today, extra: await extra(ctx, from) });
      const results = findCorrelations(series);
      await ctx.db.delete(correlations).where(eq(correlations.userId, ctx.userId));
      for (const slice of slicesOf(results, INSERT_CHUNK)) {
        await ctx.db.insert(correlations).values(slice.map((r) => ({ userId: ctx.userId, computedOn: ctx.today, ...stored(r) })));
      }
      ctx.correlations = results.map(found);
    },
  };
}

/** The stage over the summaries and scores alone (INSIGHT_STAGES adds the journal's series). */
export const correlationsStage: InsightStage = correlationsStageWith(async () => []);
