import { correlationsStage } from "./correlations/stage";
import { energyScoreStage } from "./energy-score/stage";
import { forecastStage } from "./forecast/stage";
import { recommendationsStage } from "./recommendations/stage";
import { risksStage } from "./risks/stage";
import { weeklyReportsStage } from "../reports/stage";
import type { InsightStage } from "./stage";

/**
 * The stages of a recompute, in the order they run (each reads what the ones before it left in
 * the context): energy score → risks → correlations → forecast → recommendations → weekly reports
 * (stored reports checked against late data).
 */
export const INSIGHT_STAGES: InsightStage[] = [energyScoreStage, risksStage, correlationsStage, forecastStage, recommendationsStage, weeklyReportsStage];
