import { CONTRIBUTOR_KEYS, type ContributorKey, type ScoreWeights } from "../types";

/** The highest weight a contributor can be given (by an admin or a user). */
export const MAX_WEIGHT = 30;

/**
 * The documented default weights. Only their ratios matter: the score renormalises over the
 * contributors present on the day. HRV and resting HR lead (the best-studied readiness signals),
 * sleep follows; the journal counts only on days it has an entry.
 */
export const DEFAULT_SCORE_WEIGHTS: Readonly<Record<ContributorKey, number>> = {
  hrv: 20,
  resting_heart_rate: 15,
  sleep_duration: 15,
  sleep_efficiency: 10,
  sleep_regularity: 10,
  activity_balance: 10,
  temperature: 8,
  respiratory_rate: 5,
  journal_mood: 4,
  journal_energy: 3,
};

export type EffectiveWeights = Record<ContributorKey, number>;

/** The weights in force: the documented defaults, then the admin's defaults, then the user's overrides. */
export function effectiveWeights(adminDefaults: ScoreWeights, overrides: ScoreWeights): EffectiveWeights {
  const out = { ...DEFAULT_SCORE_WEIGHTS };
  for (const key of CONTRIBUTOR_KEYS) out[key] = overrides[key] ?? adminDefaults[key] ?? DEFAULT_SCORE_WEIGHTS[key];
  return out;
}

/** A weight set can score a day only if some contributor beyond the optional journal carries weight. */
export function weighsSomething(weights: EffectiveWeights): boolean {
  return CONTRIBUTOR_KEYS.some((key) => !key.startsWith("journal_") && weights[key] > 0);
}

/**
 * Stored weights as far as they are valid (known keys, numbers 0–MAX_WEIGHT): what the database
 * holds is read leniently, so a bad row degrades to the defaults instead of failing a recompute.
 */
export function cleanWeights(value: unknown): ScoreWeights {
  const out: ScoreWeights = {};
  if (!value || typeof value !== "object") return out;
  for (const key of CONTRIBUTOR_KEYS) {
    const weight = (value as Record<string, unknown>)[key];
    if (typeof weight === "number" && Number.isFinite(weight) && weight >= 0 && weight <= MAX_WEIGHT) out[key] = weight;
  }
  return out;
}
