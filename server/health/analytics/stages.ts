import { journalRatingsStage, journalSeries } from "../journal/insight-inputs";
import { correlationsStageWith } from "./correlations/stage";
import { energyScoreStage } from "./energy-score/stage";
import { forecastStage } from "./forecast/stage";
import { recommendationsStage } from "./recommendations/stage";
import { risksStage } from "./risks/stage";
import { weeklyReportsStage } from "../reports/stage";
import type { InsightStage } from "./stage";

/**
 * The stages of a recompute, in the order they run (each reads what the ones before it left in
 * the context): the journal's ratings beside the days → energy score → risks → correlations (with
 * the journal's series) → forecast → recommendations → weekly reports (stored reports checked
 * against late data).
 */
export const INSIGHT_STAGES: InsightStage[] = [journalRatingsStage, energyScoreStage, risksStage, correlationsStageWith(journalSeries), forecastStage, recommendationsStage, weeklyReportsStage];
