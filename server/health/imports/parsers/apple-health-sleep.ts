import type { NormalizedSleepSession, SleepStage, SleepStageInterval } from "../../types";
import { stableId } from "./stable-id";

/** Intervals of one app closer than this belong to the same night. */
export const SLEEP_SESSION_GAP_MS = 60 * 60 * 1000;
const NAP_MAX_MS = 3 * 60 * 60 * 1000;

const STAGES = new Map<string, SleepStage>([
  ["HKCategoryValueSleepAnalysisInBed", "in_bed"],
  ["HKCategoryValueSleepAnalysisAsleep", "asleep"],
  ["HKCategoryValueSleepAnalysisAsleepUnspecified", "asleep"],
  ["HKCategoryValueSleepAnalysisAwake", "awake"],
  ["HKCategoryValueSleepAnalysisAsleepCore", "light"],
  ["HKCategoryValueSleepAnalysisAsleepDeep", "deep"],
  ["HKCategoryValueSleepAnalysisAsleepREM", "rem"],
  // Older exports wrote the HKCategoryValueSleepAnalysis enum number.
  ["0", "in_bed"],
  ["1", "asleep"],
  ["2", "awake"],
  ["3", "light"],
  ["4", "deep"],
  ["5", "rem"],
]);

export function sleepStageOf(value: string | undefined): SleepStage | undefined {
  return value === undefined ? undefined : STAGES.get(value);
}

interface SleepInterval {
  start: number;
  end: number;
  stage: SleepStage;
  offsetMinutes: number;
  device: string | null;
}

const ASLEEP: ReadonlySet<SleepStage> = new Set(["asleep", "light", "deep", "rem"]);
const STAGED: ReadonlySet<SleepStage> = new Set(["light", "deep", "rem"]);

/**
 * Collects SleepAnalysis intervals per app and turns them into sessions once the whole file is read
 * (exports are not ordered by time across apps). Apps stay apart: overlapping nights from Pillow and the
 * Apple Watch are two sessions, all under `apple_health`, and the daily rollup counts one of them
 * (see oneSessionPerNight).
 */
export class SleepSessionGrouper {
  private readonly bySource = new Map<string, SleepInterval[]>();

  add(sourceName: string, interval: SleepInterval): void {
    const list = this.bySource.get(sourceName);
    if (list) list.push(interval);
    else this.bySource.set(sourceName, [interval]);
  }

  *sessions(): Generator<NormalizedSleepSession> {
    for (const [sourceName, intervals] of this.bySource) {
      intervals.sort((a, b) => a.start - b.start || a.end - b.end || a.stage.localeCompare(b.stage));
      let group: SleepInterval[] = [];
      let groupEnd = Number.NEGATIVE_INFINITY;
      for (const interval of intervals) {
        if (group.length > 0 && interval.start > groupEnd + SLEEP_SESSION_GAP_MS) {
          yield buildSession(sourceName, group);
          group = [];
        }
        const previous = group[group.length - 1];
        const duplicate = previous && previous.start === interval.start && previous.end === interval.end && previous.stage === interval.stage;
        if (!duplicate) group.push(interval);
        groupEnd = group.length === 1 ? interval.end : Math.max(groupEnd, interval.end);
      }
      if (group.length > 0) yield buildSession(sourceName, group);
    }
    this.bySource.clear();
  }
}

/** Seconds covered by the intervals (sorted by start), counting overlaps once. */
function coveredSeconds(intervals: readonly SleepInterval[], include: (stage: SleepStage) => boolean): number {
  let total = 0;
  let runStart = 0;
  let runEnd = Number.NEGATIVE_INFINITY;
  for (const { start, end, stage } of intervals) {
    if (!include(stage)) continue;
    if (start > runEnd) {
      if (runEnd > runStart) total += runEnd - runStart;
      runStart = start;
      runEnd = end;
    } else if (end > runEnd) runEnd = end;
  }
  if (runEnd > runStart) total += runEnd - runStart;
  return Math.round(total / 1000);
}

function buildSession(sourceName: string, group: readonly SleepInterval[]): NormalizedSleepSession {
  const first = group[0]!;
  const last = group.reduce((latest, interval) => (interval.end > latest.end ? interval : latest), first);
  const has = (wanted: (stage: SleepStage) => boolean) => group.some((interval) => wanted(interval.stage));
  const staged = has((stage) => STAGED.has(stage));
  const inBedSeconds = coveredSeconds(group, () => true);
  const asleepSeconds = coveredSeconds(group, (stage) => ASLEEP.has(stage));
  const knowsWake = has((stage) => stage === "in_bed" || stage === "awake");
  const stageSeconds = (stage: SleepStage) => (staged ? coveredSeconds(group, (s) => s === stage) : null);
  const stages: SleepStageInterval[] = group.map(({ stage, start, end }) => ({ stage, start: new Date(start), end: new Date(end) }));
  const localStartHour = new Date(first.start + first.offsetMinutes * 60_000).getUTCHours();
  return {
    source: "apple_health",
    sourceRecordId: stableId("apple:sleep", sourceName, String(first.start)),
    device: last.device,
    utcOffsetMinutes: last.offsetMinutes,
    start: new Date(first.start),
    end: new Date(last.end),
    isNap: last.end - first.start < NAP_MAX_MS && localStartHour >= 9 && localStartHour < 20,
    stages,
    totals: {
      inBedSeconds,
      asleepSeconds,
      awakeSeconds: has((stage) => stage === "awake") ? coveredSeconds(group, (stage) => stage === "awake") : null,
      lightSeconds: stageSeconds("light"),
      deepSeconds: stageSeconds("deep"),
      remSeconds: stageSeconds("rem"),
    },
    efficiency: knowsWake && inBedSeconds > 0 ? asleepSeconds / inBedSeconds : null,
  };
}
