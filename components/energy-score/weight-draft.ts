import { CONTRIBUTOR_KEYS, type ContributorKey, type ScoreWeights } from "@/server/health/analytics/types";

export type WeightValues = Record<ContributorKey, number>;

/** The weights a draft of overrides gives over what it inherits. */
export function applyDraft(inherited: WeightValues, draft: ScoreWeights): WeightValues {
  const out = { ...inherited };
  for (const key of CONTRIBUTOR_KEYS) if (draft[key] !== undefined) out[key] = draft[key];
  return out;
}

/**
 * The draft after setting one weight: a value equal to the inherited one is no override at all,
 * so the key keeps following the layer below if that changes later.
 */
export function withWeight(draft: ScoreWeights, inherited: WeightValues, key: ContributorKey, value: number): ScoreWeights {
  const next = { ...draft };
  if (value === inherited[key]) delete next[key];
  else next[key] = value;
  return next;
}

/**
 * Each contributor's share of the score on a day when all of them have data (the journal left out:
 * it counts only on days with an entry), in whole percent.
 */
export function sharesOf(weights: WeightValues): Record<ContributorKey, number> {
  const total = CONTRIBUTOR_KEYS.filter((key) => !key.startsWith("journal_")).reduce((sum, key) => sum + weights[key], 0);
  const out = {} as Record<ContributorKey, number>;
  for (const key of CONTRIBUTOR_KEYS) out[key] = total === 0 || key.startsWith("journal_") ? 0 : Math.round((weights[key] / total) * 100);
  return out;
}

export const sameDraft = (a: ScoreWeights, b: ScoreWeights): boolean => CONTRIBUTOR_KEYS.every((key) => a[key] === b[key]);
