import { z } from "zod";

/*
 * The one set of string and date schemas every procedure and route input is built from.
 * Postgres refuses NUL in text (a 500 if it reaches the database), a lone UTF-16 surrogate is
 * stored as U+FFFD (the user's text silently changes), and control characters in a name or a
 * search smuggle line breaks and terminal escapes into emails, logs and pages.
 */

/** What kind of text a string input holds; every string input of the API is registered here. */
export const textInputs = z.registry<{ kind: "single-line" | "multi-line" | "secret" }>();

// C0 controls, DEL and C1 controls; the multi-line variant lets \n, \r and \t through.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NUL = /\u0000/;

interface TextOptions {
  max: number;
  /** At least this many characters after trimming (default 0). */
  min?: number;
  /** The message when shorter than `min`. */
  minMessage?: string;
  maxMessage?: string;
}

function text(kind: "single-line" | "multi-line" | "secret", refuse: RegExp, message: string, options: TextOptions) {
  const base = kind === "secret" ? z.string() : z.string().trim();
  return base
    .min(options.min ?? 0, options.minMessage)
    .max(options.max, options.maxMessage ?? `Keep this under ${options.max} characters.`)
    .refine((value) => !refuse.test(value) && !LONE_SURROGATE.test(value), { message, abort: true })
    .register(textInputs, { kind });
}

/** One line of text (names, searches, filenames, ids): trimmed, no control character at all. */
export const singleLineText = (options: TextOptions) =>
  text("single-line", CONTROL, "Remove line breaks, tabs and other control characters from this field.", options);

/** Text that may span lines (notes, descriptions): trimmed, line breaks and tabs allowed, no other control character. */
export const multiLineText = (options: TextOptions) => text("multi-line", CONTROL_BUT_LINES, "Remove control characters from this field.", options);

/** A password or a token as typed: kept exactly (no trimming), any character but NUL and lone surrogates. */
export const secretText = (options: TextOptions) => text("secret", NUL, "This field contains a character that cannot be used.", options);

/** The years a date or time from a client may fall in; anything else is a typo or a probe. */
export const PLAUSIBLE_YEARS = { min: 1900, max: 2100 } as const;

/** True for an instant within PLAUSIBLE_YEARS (UTC). */
export function isPlausibleInstant(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max;
}

const yearOf = (value: string) => Number(value.slice(0, 4));

/** A calendar date (YYYY-MM-DD) within PLAUSIBLE_YEARS. */
export const isoDate = z.iso
  .date("Use a date like 2026-06-01.")
  .refine((value) => yearOf(value) >= PLAUSIBLE_YEARS.min && yearOf(value) <= PLAUSIBLE_YEARS.max, {
    message: `Use a date between ${PLAUSIBLE_YEARS.min}-01-01 and ${PLAUSIBLE_YEARS.max}-12-31.`,
  });

/** ISO weeks of a year: 53 when 28 December falls in week 53 (the year starts or, in a leap year, ends on a Thursday). */
function isoWeeksIn(year: number): number {
  const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).getUTCDay();
  return weekday(year, 0, 1) === 4 || weekday(year, 11, 31) === 4 ? 53 : 52;
}

/** An ISO week (2026-W48) within PLAUSIBLE_YEARS that the year has. */
export const isoWeek = z.stringFormat(
  "iso-week",
  (value) => {
    if (!/^\d{4}-W\d{2}$/.test(value)) return false;
    const year = yearOf(value);
    const week = Number(value.slice(6));
    return year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max && week >= 1 && week <= isoWeeksIn(year);
  },
  { error: "Use a week like 2026-W48 (01 to 52, or 53 in a year that has it)." },
);
