import { KCAL_TO_KJ, type Metric } from "../../types";
import { BatchCollector } from "./batch-collector";
import { csvRows, numericCell } from "./csv-rows";
import { ImportTracker, importRun } from "./import-tracker";
import type { ByteSource, ImportBatch, ImportOptions, ImportRun } from "./types";

const FILE_LABEL = "WHOOP physiological cycles export (physiological_cycles.csv)";
const CYCLE_START = "Cycle start time";
const CYCLE_TIMEZONE = "Cycle timezone";
const SLEEP_ONSET = "Sleep onset";
const WAKE_ONSET = "Wake onset";
/**
 * The columns that make a file a cycles export (WHOOP's other CSVs, e.g. journal_entries.csv, share the
 * three cycle columns). Skin temperature and SpO2 are left out: exports from before WHOOP 4.0 lack them.
 */
export const WHOOP_CYCLES_COLUMNS = [CYCLE_START, "Cycle end time", CYCLE_TIMEZONE, "Recovery score %", "Day Strain", SLEEP_ONSET, WAKE_ONSET] as const;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const ZONE = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/;

/** `UTC-05:00` (also `UTC+5:30`, `-0500`, `UTC`) → minutes east of UTC; null when unreadable. */
export function whoopZoneOffsetMinutes(text: string | undefined): number | null {
  if (text === undefined) return null;
  const zone = text.trim();
  if (zone === "UTC" || zone === "GMT" || zone === "Z") return 0;
  const match = ZONE.exec(zone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 18 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/** A local wall-clock time in a known offset: the instant and its local calendar date. */
export interface WallClock {
  instant: Date;
  localDate: string;
  /** The wall-clock time read as if it were UTC (for local calendar arithmetic). */
  localWallMs: number;
}

const HALF_DAY_MS = 12 * 3_600_000;

/**
 * The local day a cycle counts for. A cycle begins when its sleep begins (the evening before): it is
 * the day of the wake-up, and without a recorded wake-up, half a day after the start lands on the same day.
 */
export function whoopCycleDay(cycleStart: WallClock, wake: WallClock | null = null): string {
  return wake ? wake.localDate : new Date(cycleStart.localWallMs + HALF_DAY_MS).toISOString().slice(0, 10);
}

/** `2024-03-09 23:10:00` read in `offsetMinutes` → the UTC instant; null when it is not a real time. */
export function whoopWallClock(text: string | undefined, offsetMinutes: number): WallClock | null {
  const match = text === undefined ? null : WALL_CLOCK.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (local.getUTCDate() !== day || local.getUTCMonth() !== month - 1 || hour > 23 || minute > 59 || second > 59) return null;
  return { instant: new Date(local.getTime() - offsetMinutes * 60_000), localDate: local.toISOString().slice(0, 10), localWallMs: local.getTime() };
}

/**
 * WHOOP's `physiological_cycles.csv`: one row per physiological cycle, times written as wall-clock in the
 * row's own `Cycle timezone`. Each row gives the day's scores and energy (on the local wake-up date), the
 * night's physiology (resting HR, HRV as RMSSD, skin temperature, SpO2, breathing) and the sleep session.
 */
export function parseWhoopCyclesCsv(input: ByteSource, options: ImportOptions = {}): ImportRun {
  const tracker = new ImportTracker(options.totalBytes ?? null, options.maxErrors);
  return importRun(tracker, whoopBatches(input, tracker, options));
}

const DAILY_COLUMNS: readonly [column: string, metric: Metric, toSI: (value: number) => number][] = [
  ["Recovery score %", "recovery", (v) => v],
  ["Sleep performance %", "sleep_score", (v) => v],
  ["Day Strain", "strain", (v) => v],
  ["Energy burned (cal)", "total_energy", (v) => v * KCAL_TO_KJ],
];

const NIGHT_COLUMNS: readonly [column: string, metric: Metric, toSI: (value: number) => number][] = [
  ["Resting heart rate (bpm)", "resting_heart_rate", (v) => v],
  ["Heart rate variability (ms)", "hrv_rmssd", (v) => v],
  ["Skin temp (celsius)", "skin_temperature", (v) => v],
  ["Blood oxygen %", "spo2", (v) => v / 100],
  ["Respiratory rate (rpm)", "respiratory_rate", (v) => v],
];

async function* whoopBatches(input: ByteSource, tracker: ImportTracker, options: ImportOptions): AsyncGenerator<ImportBatch> {
  const out = new BatchCollector(tracker, options.batchSize);
  for await (const { line, values } of csvRows(input, tracker, WHOOP_CYCLES_COLUMNS, FILE_LABEL)) {
    const fail = (recordType: string, message: string) => tracker.error({ line, recordType, message });
    const offset = whoopZoneOffsetMinutes(values[CYCLE_TIMEZONE]);
    if (offset === null) {
      fail(CYCLE_TIMEZONE, `unreadable time zone "${values[CYCLE_TIMEZONE]}"`);
      continue;
    }
    const cycleStart = whoopWallClock(values[CYCLE_START], offset);
    if (!cycleStart) {
      fail(CYCLE_START, `invalid time "${values[CYCLE_START]}" (expected YYYY-MM-DD HH:MM:SS)`);
      continue;
    }
    const onsetText = values[SLEEP_ONSET] ?? "";
    const wakeText = values[WAKE_ONSET] ?? "";
    const onset = onsetText === "" ? null : whoopWallClock(onsetText, offset);
    const wake = wakeText === "" ? null : whoopWallClock(wakeText, offset);
    const sleepKnown = onset !== null && wake !== null && wake.instant >= onset.instant;
    if ((onsetText !== "" || wakeText !== "") && !sleepKnown) fail(SLEEP_ONSET, `invalid sleep times "${onsetText}" → "${wakeText}"`);

    const idBase = `whoop:csv:${cycleStart.instant.toISOString()}`;
    const localDate = whoopCycleDay(cycleStart, sleepKnown ? wake : null);
    const ref = { source: "whoop", device: "WHOOP", utcOffsetMinutes: offset, timeZone: null } as const;
    const cell = (column: string): number | null => {
      const value = numericCell(values[column]);
      if (value !== null && Number.isNaN(value)) {
        fail(column, `"${values[column]}" is not a number`);
        return null;
      }
      return value;
    };

    for (const [column, metric, toSI] of DAILY_COLUMNS) {
      const value = cell(column);
      if (value !== null) out.dailyTotal({ ...ref, sourceRecordId: `${idBase}:${metric}`, metric, localDate, value: toSI(value) });
    }
    // The night's physiology is a reading at wake-up (as WHOOP scores it then), so it counts toward the
    // wake-up day beside that night's sleep and recovery; a sample's day is the day of its start.
    const readAt = sleepKnown ? wake.instant : new Date(cycleStart.instant.getTime() + HALF_DAY_MS);
    for (const [column, metric, toSI] of NIGHT_COLUMNS) {
      const value = cell(column);
      if (value !== null) out.sample({ ...ref, sourceRecordId: `${idBase}:${metric}`, metric, start: readAt, end: readAt, value: toSI(value) });
    }
    if (sleepKnown) {
      const seconds = (column: string) => {
        const minutes = cell(column);
        return minutes === null ? null : Math.round(minutes * 60);
      };
      const efficiency = cell("Sleep efficiency %");
      out.sleepSession({
        ...ref,
        sourceRecordId: `${idBase}:sleep`,
        start: onset.instant,
        end: wake.instant,
        isNap: false,
        stages: [],
        totals: {
          inBedSeconds: seconds("In bed duration (min)"),
          asleepSeconds: seconds("Asleep duration (min)"),
          awakeSeconds: seconds("Awake duration (min)"),
          lightSeconds: seconds("Light sleep duration (min)"),
          deepSeconds: seconds("Deep (SWS) duration (min)"),
          remSeconds: seconds("REM duration (min)"),
        },
        efficiency: efficiency === null ? null : efficiency / 100,
      });
    }
    yield* out.drain();
  }
  out.cut();
  yield* out.drain();
}
