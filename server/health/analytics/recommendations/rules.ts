import { formatHours } from "../risks/format";
import type { RaisedRisk } from "../stage";
import type { ExpectedImpact } from "../types";
import { correlationRule } from "./correlation-rule";
import { BALANCED_LOAD, loadOf } from "./load";
import { contributorOf, DEFAULT_SCORE_GAIN, pointsRecoverable, riskOf, scoreImpact, type Basis, type RecommendationRule } from "./model";
import { amountOf, labelOf, roundedDelta } from "./units";

/*
 * The rule engine's rules, in the order they are listed when priorities tie. Expected impact comes
 * from the user's own data: the points the score's contributors lost (what getting back to normal
 * recovers), else the distance of the flagged value from the user's normal, else a stated default.
 */

const SLEEP_CATCH_UP_PER_NIGHT = 30 * 60;
/** Sleep midpoint spread (z of the score's regularity contributor) from which a fixed wake time is advised. */
const IRREGULAR_Z = -0.5;
const SHORT_SLEEP_Z = -1;

const riskBasis = (...risks: (RaisedRisk | undefined)[]): Basis[] => risks.filter((r): r is RaisedRisk => !!r).map((r) => ({ kind: "risk", ref: r.kind }));
const lastDay = (risk: RaisedRisk) => risk.evidence.days[risk.evidence.days.length - 1];
const isHigh = (...risks: (RaisedRisk | undefined)[]) => risks.some((r) => r?.severity === "high");

/** The flagged value back to its normal: { metric, delta, text } from the risk's last evidence day. */
function backToNormal(risk: RaisedRisk, metric: string, direction: "down" | "up"): ExpectedImpact | null {
  const day = lastDay(risk);
  if (!day || day.baselineMean === null) return null;
  const delta = roundedDelta(metric, day.baselineMean - day.value);
  return { metric, delta, text: `${labelOf(metric)} back ${direction} about ${amountOf(metric, delta)} to your normal ${amountOf(metric, day.baselineMean)}` };
}

const restDay: RecommendationRule = {
  id: "rest_day",
  answers: ["resting_hr_elevated", "temperature_deviation"],
  when(input) {
    const rhr = riskOf(input, "resting_hr_elevated");
    const temp = riskOf(input, "temperature_deviation");
    if (!rhr && !temp) return null;
    const signs = [rhr && "your resting heart rate has been above your normal", temp && "your temperature is up"].filter(Boolean).join(" and ");
    const points = pointsRecoverable(contributorOf(input, "resting_heart_rate"), contributorOf(input, "temperature"));
    const impact =
      points > 0
        ? scoreImpact(points, "as your resting heart rate and temperature settle")
        : ((rhr && backToNormal(rhr, "resting_heart_rate", "down")) ??
          (temp ? { metric: "temperature_deviation", delta: roundedDelta("temperature_deviation", -lastDay(temp)!.value), text: "temperature back to your usual" } : scoreImpact(DEFAULT_SCORE_GAIN, "(a typical recovery)")));
    return {
      title: "Take a rest day",
      body: `${signs[0]!.toUpperCase()}${signs.slice(1)}. Make today a rest day or keep to an easy walk, drink more water than usual and get to bed early. If you feel unwell it may be an illness starting: rest rather than train, and see a doctor if it gets worse.`,
      expectedImpact: impact,
      priority: isHigh(rhr, temp) ? 1 : 2,
      basis: riskBasis(rhr, temp),
    };
  },
};

const easyTraining: RecommendationRule = {
  id: "easy_training",
  answers: ["hrv_suppressed"],
  when(input) {
    const hrv = riskOf(input, "hrv_suppressed");
    if (!hrv) return null;
    const points = pointsRecoverable(contributorOf(input, "hrv"));
    return {
      title: "Keep training easy",
      body: `Your HRV has been below your normal range for ${hrv.evidence.days.length} days. Swap hard training for an easy session (a walk, mobility, an easy ride), skip alcohol and aim for a full night's sleep: HRV usually recovers within a few days of lighter load.`,
      expectedImpact: points > 0 ? scoreImpact(points, "as your HRV returns to its normal range") : (backToNormal(hrv, "hrv_rmssd", "up") ?? scoreImpact(DEFAULT_SCORE_GAIN, "(a typical recovery)")),
      priority: isHigh(hrv) ? 1 : 2,
      basis: riskBasis(hrv),
    };
  },
};

const earlierBedtime: RecommendationRule = {
  id: "earlier_bedtime",
  answers: ["sleep_debt"],
  when(input) {
    const debtRisk = riskOf(input, "sleep_debt");
    const duration = contributorOf(input, "sleep_duration");
    const short = duration?.z != null && duration.z <= SHORT_SLEEP_Z;
    if (!debtRisk && !short) return null;
    const debt = debtRisk ? lastDay(debtRisk)!.value : null;
    const points = pointsRecoverable(duration);
    const catchUp = debt === null ? null : roundedDelta("sleep_debt_seconds", Math.min(debt, 7 * SLEEP_CATCH_UP_PER_NIGHT));
    const impact: ExpectedImpact =
      points > 0
        ? scoreImpact(points, "once your nights are back to your need")
        : catchUp
          ? { metric: "sleep_debt_seconds", delta: -catchUp, text: `about ${formatHours(catchUp)} less sleep debt within a week (30 minutes more a night)` }
          : scoreImpact(DEFAULT_SCORE_GAIN, "(a typical gain from a full night)");
    const situation =
      debt !== null ? `You are ${formatHours(debt)} short of your sleep need over the last 7 nights.` : `Last night was short against your sleep need of ${formatHours(input.sleepNeedSeconds)}.`;
    return {
      title: "Go to bed earlier tonight",
      body: `${situation} Go to bed 30–45 minutes earlier tonight and for the next few nights: sleep debt is paid back over several nights, not with one long lie-in.`,
      expectedImpact: impact,
      priority: isHigh(debtRisk) ? 2 : 3,
      basis: [...riskBasis(debtRisk), ...(short ? [{ kind: "contributor" as const, ref: "sleep_duration" }] : [])],
    };
  },
};

const fixedWakeTime: RecommendationRule = {
  id: "fixed_wake_time",
  when(input) {
    const regularity = contributorOf(input, "sleep_regularity");
    if (regularity?.z == null || regularity.value === null || regularity.z > IRREGULAR_Z) return null;
    const points = pointsRecoverable(regularity);
    return {
      title: "Keep a fixed wake time",
      body: `The middle of your sleep has moved by ±${formatHours(regularity.value)} over the last 14 nights. Get up at the same time every day, weekends included (within 30 minutes), and let bedtime follow: a steady wake time is the quickest way to a steady rhythm.`,
      expectedImpact: scoreImpact(points > 0 ? points : DEFAULT_SCORE_GAIN, points > 0 ? "as your sleep timing steadies" : "(a typical gain from steadier sleep)"),
      priority: 4,
      basis: [{ kind: "contributor", ref: "sleep_regularity" }],
    };
  },
};

function loadRule(id: "ease_off" | "move_more"): RecommendationRule {
  return {
    id,
    when(input) {
      const date = input.score?.date ?? input.today;
      const contributor = contributorOf(input, "activity_balance");
      const load = loadOf(input.days, date, contributor);
      if (!load) return null;
      const high = load.ratio > BALANCED_LOAD.high;
      if (id === "ease_off" ? !high : load.ratio >= BALANCED_LOAD.low) return null;
      const points = pointsRecoverable(contributor);
      const target = (high ? BALANCED_LOAD.high : BALANCED_LOAD.low) * load.chronic;
      const delta = roundedDelta(load.metric, target - load.acute);
      const percent = Math.round(Math.abs(load.ratio - 1) * 100);
      const what = `Your ${labelOf(load.metric)} over the last 7 days is ${percent}% ${high ? "above" : "below"} your 28-day average (${load.ratio.toFixed(2)}×; 0.8–1.3× is balanced).`;
      return {
        title: high ? "Ease off for a few days" : "Move a little more",
        body: high
          ? `${what} Plan lighter days until the week settles: a sudden rise in load is when injuries and poor sleep follow.`
          : `${what} Add a brisk 20–30 minute walk or an easy session today to get back toward your usual load.`,
        expectedImpact:
          points > 0
            ? scoreImpact(points, "with your load back in balance")
            : { metric: load.metric, delta, text: `about ${delta > 0 ? "+" : "−"}${amountOf(load.metric, delta)} a day brings your week back into balance` },
        priority: high ? 3 : 4,
        basis: [{ kind: "contributor", ref: "activity_balance" }],
      };
    },
  };
}

const trainingDay: RecommendationRule = {
  id: "training_day",
  when(input) {
    const day = input.score;
    if (!day || day.state !== "scored" || day.score === null || (day.status !== "peak" && day.status !== "good") || input.risks.length > 0) return null;
    const load = loadOf(input.days, day.date, contributorOf(input, "activity_balance"));
    if (!load || load.ratio > BALANCED_LOAD.high) return null;
    // Today's extra load that keeps the 7-day mean within 1.3× the 28-day one (it adds a seventh of itself), at most one usual day more.
    const room = roundedDelta(load.metric, Math.min(load.chronic, (BALANCED_LOAD.high * load.chronic - load.acute) * 7));
    return {
      title: "A good day to train hard",
      body: `Your energy score is ${day.score} (${day.status}) with no warning signs: a good day for your hardest or longest session of the week.`,
      expectedImpact: { metric: load.metric, delta: room, text: `up to about +${amountOf(load.metric, room)} over a usual day keeps your 7-day load balanced` },
      priority: 6,
      basis: [{ kind: "score", ref: day.date }],
    };
  },
};

export const RECOMMENDATION_RULES: readonly RecommendationRule[] = [restDay, easyTraining, earlierBedtime, loadRule("ease_off"), fixedWakeTime, loadRule("move_more"), correlationRule, trainingDay];
