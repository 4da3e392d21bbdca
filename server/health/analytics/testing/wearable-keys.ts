import { JOURNAL_KEYS } from "../energy-score/baselines";
import { CONTRIBUTOR_KEYS } from "../types";

/** Every contributor in its stored order but the journal's two: what a day without journal entries lists. */
export const WEARABLE_CONTRIBUTOR_KEYS = CONTRIBUTOR_KEYS.filter((key) => !(JOURNAL_KEYS as readonly string[]).includes(key));
