/* The journal's limits, pure so that the pages can show them. */

/** The ratings' scale: 1 (worst) to 10 (best); the table's checks hold it too. */
export const JOURNAL_RATING = { min: 1, max: 10 } as const;
export const MAX_NOTES = 5000;
export const MAX_TAGS_PER_ENTRY = 30;
/** The longest tag name kept (WHOOP's questions become tags, and some are a full sentence). */
export const MAX_TAG_NAME = 80;
