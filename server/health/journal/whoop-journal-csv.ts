import { parse as parseCsv } from "csv-parse/sync";
import { columnName, csvRows, type CsvOptions } from "../imports/parsers/csv-rows";
import type { ImportTracker } from "../imports/parsers/import-tracker";
import type { ByteSource } from "../imports/parsers/types";
import { whoopCycleDay, whoopWallClock, whoopZoneOffsetMinutes } from "../imports/parsers/whoop-cycles-csv";
import { displayTagName, normalizeTagName } from "./tag-names";

const FILE_LABEL = "WHOOP journal export (journal_entries.csv)";
const CYCLE_START = "Cycle start time";
const CYCLE_TIMEZONE = "Cycle timezone";
const QUESTION = "Question text";
const ANSWERED_YES = "Answered yes";
const NOTES = "Notes";

/** The columns that make a file WHOOP's journal export (the cycle columns are shared with its other CSVs). */
export const WHOOP_JOURNAL_COLUMNS = [CYCLE_START, CYCLE_TIMEZONE, QUESTION, ANSWERED_YES] as const;

/** WHOOP writes its headers in the app's language. */
const HEADER_ALIASES: CsvOptions = {
  aliases: {
    "Hora de inicio del ciclo": CYCLE_START,
    "Hora de finalización del ciclo": "Cycle end time",
    "Zona horaria del ciclo": CYCLE_TIMEZONE,
    "Texto de la pregunta": QUESTION,
    'Respondió "Sí"': ANSWERED_YES,
    Notas: NOTES,
  },
};

/** True when the first line of `text` is a WHOOP journal header (in any language it is known in). */
export function isWhoopJournalHeader(text: string): boolean {
  const line = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  let cells: string[] = [];
  try {
    cells = (parseCsv(line, { relax_quotes: true }) as string[][])[0] ?? [];
  } catch {
    return false;
  }
  const names = new Set(cells.map((cell) => columnName(cell, HEADER_ALIASES)));
  return WHOOP_JOURNAL_COLUMNS.every((column) => names.has(column));
}

// As the notes input refuses them: control characters other than line breaks and tabs.
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const YES = new Set(["true", "yes", "sí", "si", "1"]);
const NO = new Set(["false", "no", "0"]);

/** One day's answers from the file: by normalized tag, yes or no; the day's notes in file order. */
export interface JournalDay {
  date: string;
  answers: Map<string, { name: string; yes: boolean }>;
  notes: string[];
}

/**
 * Reads WHOOP's `journal_entries.csv` (one row per cycle and question) into days: a cycle counts for
 * the local day WHOOP dates it by (the cycles export's rule), its question becomes a tag answered yes
 * or no, its notes the day's notes. A row that cannot be read is an error with its line; the rest count.
 */
export async function readWhoopJournal(input: ByteSource, tracker: ImportTracker, onRow?: () => Promise<void>): Promise<Map<string, JournalDay>> {
  const days = new Map<string, JournalDay>();
  for await (const { line, values } of csvRows(input, tracker, WHOOP_JOURNAL_COLUMNS, FILE_LABEL, HEADER_ALIASES)) {
    const fail = (recordType: string, message: string) => tracker.error({ line, recordType, message });
    const offset = whoopZoneOffsetMinutes(values[CYCLE_TIMEZONE]);
    if (offset === null) {
      fail(CYCLE_TIMEZONE, `unreadable time zone "${values[CYCLE_TIMEZONE]}"`);
      continue;
    }
    const start = whoopWallClock(values[CYCLE_START], offset);
    if (!start) {
      fail(CYCLE_START, `invalid time "${values[CYCLE_START]}" (expected YYYY-MM-DD HH:MM:SS)`);
      continue;
    }
    const name = displayTagName(values[QUESTION] ?? "");
    if (!name) {
      fail(QUESTION, "the question is empty");
      continue;
    }
    const answer = (values[ANSWERED_YES] ?? "").toLocaleLowerCase("es");
    if (!YES.has(answer) && !NO.has(answer)) {
      fail(ANSWERED_YES, `"${values[ANSWERED_YES]}" is neither yes nor no`);
      continue;
    }
    const date = whoopCycleDay(start);
    const day = days.get(date) ?? days.set(date, { date, answers: new Map(), notes: [] }).get(date)!;
    const key = normalizeTagName(name);
    // Two cycles on one day (a short one): the habit happened if either says so.
    day.answers.set(key, { name, yes: YES.has(answer) || (day.answers.get(key)?.yes ?? false) });
    const note = (values[NOTES] ?? "").replace(CONTROL_BUT_LINES, "").trim();
    if (note && !day.notes.includes(note)) day.notes.push(note);
    await onRow?.();
  }
  return days;
}
