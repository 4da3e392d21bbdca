import { KCAL_TO_KJ, type Metric } from "../../types";
import { BatchCollector } from "./batch-collector";
import { csvRows, numericCell, type CsvRow } from "./csv-rows";
import { ImportTracker, importRun } from "./import-tracker";
import type { ByteSource, ImportBatch, ImportOptions, ImportRun } from "./types";

const FILE_LABEL = "Fitbit daily activity export (dailyActivity_merged.csv)";
export const FITBIT_DAILY_COLUMNS = [
  "Id",
  "ActivityDate",
  "TotalSteps",
  "TotalDistance",
  "VeryActiveMinutes",
  "FairlyActiveMinutes",
  "LightlyActiveMinutes",
  "Calories",
] as const;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `4/12/2016` → `2016-04-12`; null when it is not a real date. */
export function fitbitActivityDate(text: string | undefined): string | null {
  const match = text === undefined ? null : US_DATE.exec(text);
  if (!match) return null;
  const [, month, day, year] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

interface DailyActivityRow {
  accountId: string;
  localDate: string;
  values: Partial<Record<Metric, number>>;
  /** No steps and no active minutes: the tracker was not worn that day. */
  notWorn: boolean;
}

/** Reads one CSV row; reports problems to `fail` and returns null when the row cannot be used at all. */
function readRow({ values }: CsvRow, fail: (recordType: string, message: string) => void): DailyActivityRow | null {
  const accountId = values.Id ?? "";
  const localDate = fitbitActivityDate(values.ActivityDate);
  if (accountId === "") {
    fail("Id", "row without an Id");
    return null;
  }
  if (!localDate) {
    fail("ActivityDate", `invalid date "${values.ActivityDate}" (expected M/D/YYYY)`);
    return null;
  }
  const cell = (column: (typeof FITBIT_DAILY_COLUMNS)[number]): number | null => {
    const value = numericCell(values[column]);
    if (value !== null && (Number.isNaN(value) || value < 0)) {
      fail(column, `${localDate} for ${accountId}: "${values[column]}" is not a non-negative number`);
      return null;
    }
    return value;
  };
  const steps = cell("TotalSteps");
  const distanceKm = cell("TotalDistance");
  const veryActive = cell("VeryActiveMinutes");
  const fairlyActive = cell("FairlyActiveMinutes");
  const lightlyActive = cell("LightlyActiveMinutes");
  const calories = cell("Calories");
  const out: Partial<Record<Metric, number>> = {};
  if (steps !== null) out.steps = steps;
  if (distanceKm !== null) out.distance = distanceKm * 1000;
  if (veryActive !== null && fairlyActive !== null) out.active_duration = (veryActive + fairlyActive) * 60;
  if (calories !== null) out.total_energy = calories * KCAL_TO_KJ;
  const notWorn = steps === 0 && (veryActive ?? 0) + (fairlyActive ?? 0) + (lightlyActive ?? 0) === 0;
  return { accountId, localDate, values: out, notWorn };
}

/**
 * Fitbit's `dailyActivity_merged.csv` (Fitabase layout): one row per person and day. Each batch belongs to one
 * person (`accountId` = the file's `Id`) so the caller can map every Id to a user, or pass `accountIds` to
 * import only some. Days without steps or active minutes (tracker not worn) are skipped, not stored as zeros.
 */
export function parseFitbitDailyActivityCsv(input: ByteSource, options: ImportOptions = {}): ImportRun {
  const tracker = new ImportTracker(options.totalBytes ?? null, options.maxErrors);
  return importRun(tracker, fitbitBatches(input, tracker, options));
}

async function* fitbitBatches(input: ByteSource, tracker: ImportTracker, options: ImportOptions): AsyncGenerator<ImportBatch> {
  const wanted = options.accountIds ? new Set(options.accountIds) : null;
  const out = new BatchCollector(tracker, options.batchSize);
  for await (const row of csvRows(input, tracker, FITBIT_DAILY_COLUMNS, FILE_LABEL)) {
    const parsed = readRow(row, (recordType, message) => tracker.error({ line: row.line, recordType, message }));
    if (!parsed) continue;
    if (wanted && !wanted.has(parsed.accountId)) {
      tracker.skip("other account");
      continue;
    }
    if (parsed.notWorn) {
      tracker.skip("day without activity");
      continue;
    }
    out.setAccount(parsed.accountId);
    for (const [metric, value] of Object.entries(parsed.values) as [Metric, number][]) {
      out.dailyTotal({
        source: "fitbit",
        sourceRecordId: `fitbit:csv:${parsed.accountId}:${parsed.localDate}:${metric}`,
        device: null,
        utcOffsetMinutes: null,
        timeZone: null,
        metric,
        localDate: parsed.localDate,
        value,
      });
    }
    yield* out.drain();
  }
  out.cut();
  yield* out.drain();
}

export interface FitbitAccountSummary {
  accountId: string;
  days: number;
  firstDate: string;
  lastDate: string;
}

/** The people in a Fitbit daily activity file, for letting the user pick whose data is theirs. */
export async function listFitbitAccounts(input: ByteSource): Promise<FitbitAccountSummary[]> {
  const tracker = new ImportTracker();
  const accounts = new Map<string, FitbitAccountSummary>();
  for await (const row of csvRows(input, tracker, FITBIT_DAILY_COLUMNS, FILE_LABEL)) {
    const accountId = row.values.Id ?? "";
    const date = fitbitActivityDate(row.values.ActivityDate);
    if (accountId === "" || !date) continue;
    const known = accounts.get(accountId);
    if (!known) accounts.set(accountId, { accountId, days: 1, firstDate: date, lastDate: date });
    else {
      known.days += 1;
      if (date < known.firstDate) known.firstDate = date;
      if (date > known.lastDate) known.lastDate = date;
    }
  }
  return [...accounts.values()];
}
