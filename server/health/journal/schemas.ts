import { z } from "zod";
import { isoDate, multiLineText, singleLineText } from "../../inputs";
import { paginated, paginationInput } from "../../pagination";
import { JOURNAL_RATING, MAX_NOTES, MAX_TAG_NAME, MAX_TAGS_PER_ENTRY } from "./limits";
import { normalizeTagName } from "./tag-names";

const rating = z.number().int("Use a whole number.").min(JOURNAL_RATING.min, `Use ${JOURNAL_RATING.min} to ${JOURNAL_RATING.max}.`).max(JOURNAL_RATING.max, `Use ${JOURNAL_RATING.min} to ${JOURNAL_RATING.max}.`);

export const tagName = singleLineText({ min: 1, minMessage: "Name the tag.", max: MAX_TAG_NAME }).refine((name) => name === "" || normalizeTagName(name) !== "", {
  message: "Use letters or numbers in a tag name.",
});

export const EMPTY_ENTRY_MESSAGE = "Give a mood, an energy rating, a tag or a note (or delete the entry).";

/** Saving a date's entry replaces what it holds: mood, energy, the tags answered "yes", notes. */
export const saveEntryInput = z
  .object({
    date: isoDate,
    mood: rating.nullable().default(null),
    energy: rating.nullable().default(null),
    tags: z.array(tagName).max(MAX_TAGS_PER_ENTRY, `Use at most ${MAX_TAGS_PER_ENTRY} tags on one day.`).default([]),
    notes: multiLineText({ max: MAX_NOTES }).default(""),
  })
  .refine((e) => e.mood !== null || e.energy !== null || e.tags.length > 0 || e.notes !== "", { message: EMPTY_ENTRY_MESSAGE, path: ["mood"] });
export type SaveEntryInput = z.infer<typeof saveEntryInput>;

export const dateInput = z.object({ date: isoDate });
export const idInput = z.object({ id: z.uuid() });

export const listEntriesInput = paginationInput.extend({ from: isoDate, to: isoDate });
export type ListEntriesInput = z.infer<typeof listEntriesInput>;

export const monthInput = z.object({ year: z.number().int().min(1900).max(2100), month: z.number().int().min(1).max(12) });

export const tagView = z.object({ id: z.uuid(), name: z.string() });
export type TagView = z.infer<typeof tagView>;

export const entryView = z.object({
  id: z.uuid(),
  date: z.string(),
  mood: z.number().nullable(),
  energy: z.number().nullable(),
  /** Tags answered "yes" on the day. */
  tags: z.array(tagView),
  /** Tags explicitly answered "no" (WHOOP's journal asks every question every day). */
  answeredNo: z.array(tagView),
  notes: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type EntryView = z.infer<typeof entryView>;

/** A list row: everything but the notes themselves (reading notes is audited; a list does not need them). */
export const entrySummary = entryView.omit({ notes: true, answeredNo: true }).extend({ hasNotes: z.boolean() });
export type EntrySummary = z.infer<typeof entrySummary>;
export const entryPage = paginated(entrySummary);

export const calendarDay = z.object({ date: z.string(), mood: z.number().nullable(), energy: z.number().nullable(), tagCount: z.number(), hasNotes: z.boolean() });
export const monthView = z.object({ year: z.number(), month: z.number(), days: z.array(calendarDay) });
export type MonthView = z.infer<typeof monthView>;

export const tagWithUse = tagView.extend({ entries: z.number() });
export const tagList = z.object({ tags: z.array(tagWithUse), suggestions: z.array(z.string()) });
export type TagList = z.infer<typeof tagList>;

export const createTagInput = z.object({ name: tagName });
export const renameTagInput = z.object({ id: z.uuid(), name: tagName });
