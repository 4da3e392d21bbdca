import { and, eq, gte, lte } from "drizzle-orm";
import { riskFlags } from "@/db/schema/analytics";
import { addDays } from "../../local-date";
import type { InsightStage, RaisedRisk } from "../stage";
import type { RiskSeverity } from "../types";
import { activeRisks, evaluateRisks } from "./evaluate";

/** The stage judges the last 30 days (today included) and replaces the flags of that window. */
export const RISK_WINDOW_DAYS = 30;

const SEVERITY_ORDER: Record<RiskSeverity, number> = { high: 0, moderate: 1, low: 2 };

/** Most severe first, then the newest. */
export const bySeverity = (a: RaisedRisk, b: RaisedRisk) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.localDate.localeCompare(a.localDate);

export const risksStage: InsightStage = {
  name: "risks",
  async run(ctx) {
    const from = addDays(ctx.today, -(RISK_WINDOW_DAYS - 1));
    const baselines = new Map(ctx.scores.map((s) => [s.date, s.baselines]));
    const raised = evaluateRisks(ctx.days, { from, to: ctx.today, storedBaseline: (date, metric) => baselines.get(date)?.[metric] });

    await ctx.db.delete(riskFlags).where(and(eq(riskFlags.userId, ctx.userId), gte(riskFlags.localDate, from), lte(riskFlags.localDate, ctx.today)));
    if (raised.length) {
      const computedAt = new Date();
      await ctx.db.insert(riskFlags).values(
        raised.map((r) => ({ userId: ctx.userId, kind: r.kind, localDate: r.localDate, severity: r.severity, title: r.title, detail: r.detail, evidence: r.evidence, computedAt })),
      );
    }
    ctx.risks = activeRisks(raised, ctx.today).sort(bySeverity);
  },
};
