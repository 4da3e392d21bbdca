import { eq } from "drizzle-orm";
import { correlations } from "@/db/schema";
import { addDays } from "../../local-date";
import type { InsightContext, InsightStage } from "../stage";
import { findCorrelations } from "./correlate";
import { buildSeries, type DailySeries } from "./series";

/** Correlations look at the last year of days (today included). */
export const CORRELATION_WINDOW_DAYS = 365;
const INSERT_CHUNK = 500;

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
      for (let i = 0; i < results.length; i += INSERT_CHUNK) {
        await ctx.db.insert(correlations).values(
          results.slice(i, i + INSERT_CHUNK).map((r) => ({
            userId: ctx.userId,
            computedOn: ctx.today,
            x: r.x,
            y: r.y,
            lag: r.lag,
            kind: r.kind,
            n: r.n,
            pearsonR: r.pearsonR,
            pearsonP: r.pearsonP,
            spearmanRho: r.spearmanRho,
            spearmanP: r.spearmanP,
            qValue: r.qValue,
            significant: r.significant,
            effect: r.effect,
            effectLow: r.effectLow,
            effectHigh: r.effectHigh,
            strength: r.strength,
            sentence: r.sentence,
          })),
        );
      }
      ctx.correlations = results.map((r) => ({
        x: r.x,
        y: r.y,
        lag: r.lag,
        kind: r.kind,
        n: r.n,
        qValue: r.qValue,
        significant: r.significant,
        effect: r.effect,
        effectLow: r.effectLow,
        effectHigh: r.effectHigh,
        strength: r.strength,
        sentence: r.sentence,
      }));
    },
  };
}

/** The stage over the summaries and scores alone, until the journal provides its series. */
export const correlationsStage: InsightStage = correlationsStageWith(async () => []);
