import { linearRegression, mean, sampleStandardDeviation } from "simple-statistics";
import { addDays } from "../../local-date";
import type { FoundCorrelation } from "../stage";
import type { ExpectedImpact } from "../types";
import type { RecommendationInput, RecommendationRule } from "./model";
import { amountOf, labelOf, roundedDelta } from "./units";

/*
 * Act on the user's strongest significant pattern (lowest q, then largest effect) that points to
 * something they can do: more of a daily habit (steps, active energy, sleep) when more goes with a
 * better outcome, avoiding a yes/no condition that goes with a worse one (nights under 6 h, a tag
 * such as alcohol), or aiming for one that goes with a better one (10,000 steps). Outcomes have a
 * direction: higher HRV, sleep, efficiency, score, mood and energy are better; lower resting HR is.
 *
 * Expected impact, continuous: the slope of the outcome on the habit over the user's own days
 * (least squares, the lag applied) times one SD of the habit: "about +4 ms of HRV the next day with
 * 3,000 more steps than usual". Yes/no: the relative difference times the outcome's mean over the
 * last 90 days; when the outcome has no values there, the relative difference in percent
 * (metric "<outcome>_percent").
 */

const MORE_IS_ACTIONABLE = new Set(["steps", "active_energy", "sleep_asleep_seconds"]);
const AIM_FOR = new Set(["steps_10k"]);
const BETTER: Record<string, 1 | -1> = { hrv_rmssd: 1, resting_heart_rate: -1, score: 1, sleep_asleep_seconds: 1, sleep_efficiency: 1, journal_mood: 1, journal_energy: 1 };
const MIN_PAIRS = 14;
const REFERENCE_DAYS = 90;
const LAG_WORDS = ["the same day", "the next day", "two days later", "three days later"];

type Advice = "more" | "avoid" | "aim";

function adviceFor(c: FoundCorrelation): Advice | null {
  const better = BETTER[c.y];
  if (!c.significant || !better || c.effect === 0) return null;
  const good = Math.sign(c.effect) === better;
  if (c.kind === "continuous") return good && MORE_IS_ACTIONABLE.has(c.x) ? "more" : null;
  if (!good) return "avoid";
  return AIM_FOR.has(c.x) ? "aim" : null;
}

/** The outcome series (`y`) by date: daily values, or the score of scored days. */
function seriesOf(input: RecommendationInput, key: string): Map<string, number> {
  if (key === "score") return new Map(input.scores.flatMap((s) => (s.state === "scored" && s.score !== null ? [[s.date, s.score] as const] : [])));
  return new Map(input.days.flatMap((d) => (Number.isFinite(d.values[key]) ? [[d.date, d.values[key]!] as const] : [])));
}

const ofOutcome = (y: string) => (y === "score" ? "on your energy score" : `of ${labelOf(y)}`);
const signedAmount = (metric: string, delta: number) => `${delta < 0 ? "−" : "+"}${amountOf(metric, delta)}`;

function continuousImpact(input: RecommendationInput, c: FoundCorrelation): ExpectedImpact {
  const xs = seriesOf(input, c.x);
  const ys = seriesOf(input, c.y);
  const pairs: number[][] = [];
  for (const [date, x] of xs) {
    const y = ys.get(addDays(date, c.lag));
    if (y !== undefined) pairs.push([x, y]);
  }
  if (pairs.length < MIN_PAIRS) {
    return { metric: c.y, delta: Math.round(c.effect * 100) / 100, text: `a ${c.strength} link (r = ${c.effect.toFixed(2).replace("-", "−")}) ${LAG_WORDS[c.lag]}` };
  }
  const { m } = linearRegression(pairs);
  const sdX = sampleStandardDeviation(pairs.map((p) => p[0]!));
  const delta = roundedDelta(c.y, m * sdX);
  const more = c.x === "steps" ? `${amountOf(c.x, sdX)} more` : `${amountOf(c.x, sdX)} more ${labelOf(c.x)}`;
  return { metric: c.y, delta, text: `about ${signedAmount(c.y, delta)} ${ofOutcome(c.y)} ${LAG_WORDS[c.lag]} with ${more} than usual` };
}

function binaryImpact(input: RecommendationInput, c: FoundCorrelation, advice: Advice): ExpectedImpact {
  const since = addDays(input.today, -REFERENCE_DAYS);
  const recent = [...seriesOf(input, c.y)].filter(([date]) => date > since).map(([, v]) => v);
  // Avoiding a condition that lowers the outcome by 11% gains those 11%; aiming for one that raises it gains its effect.
  const relative = advice === "avoid" ? -c.effect : c.effect;
  const percent = Math.round(Math.abs(relative) * 100);
  const when = advice === "avoid" ? "on days you avoid it" : "on such days";
  if (!recent.length) return { metric: `${c.y}_percent`, delta: Math.round(relative * 100), text: `about ${percent}% ${relative * (BETTER[c.y] ?? 1) > 0 ? "better" : "worse"} ${labelOf(c.y)} ${when}` };
  const delta = roundedDelta(c.y, relative * mean(recent));
  return { metric: c.y, delta, text: `about ${signedAmount(c.y, delta)} ${ofOutcome(c.y)} (${percent}%) ${when}` };
}

const ADVICE: Record<Advice, (c: FoundCorrelation) => string> = {
  more: (c) => `More ${labelOf(c.x)} goes with better ${labelOf(c.y)} for you: worth building into your day.`,
  avoid: () => "Your own data says this is worth avoiding where you can.",
  aim: () => "Your own data says this is worth aiming for today.",
};

export const correlationRule: RecommendationRule = {
  id: "act_on_correlation",
  when(input) {
    const candidates = input.correlations
      .map((c) => ({ c, advice: adviceFor(c) }))
      .filter((x): x is { c: FoundCorrelation; advice: Advice } => x.advice !== null)
      .sort((a, b) => a.c.qValue - b.c.qValue || Math.abs(b.c.effect) - Math.abs(a.c.effect));
    const best = candidates[0];
    if (!best) return null;
    const { c, advice } = best;
    return {
      title: "Act on a pattern in your data",
      body: `${c.sentence}. ${ADVICE[advice](c)}`,
      expectedImpact: c.kind === "continuous" ? continuousImpact(input, c) : binaryImpact(input, c, advice),
      priority: 5,
      basis: [{ kind: "correlation", ref: `${c.x}|${c.y}|${c.lag}` }],
    };
  },
};
