import type { SaxesParser, SaxesTagPlain } from "saxes";
import type { Metric } from "../../types";
import { brokenExportError, isStructuralXmlError } from "./apple-health-check";
import { parseAppleDate } from "./apple-health-dates";
import { convertEnergyToKJ, quantityMapping } from "./apple-health-quantities";
import { SleepSessionGrouper, sleepStageOf } from "./apple-health-sleep";
import { WorkoutBuilder, WorkoutProblem } from "./apple-health-workouts";
import type { BatchCollector } from "./batch-collector";
import type { ImportTracker } from "./import-tracker";
import { stableId } from "./stable-id";

type Attributes = Readonly<Record<string, string>>;

const SLEEP_TYPE = "HKCategoryTypeIdentifierSleepAnalysis";
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DEVICE_CACHE_LIMIT = 10_000;

/** `Apple Watch` + `<<HKDevice: 0x…>, name:Apple Watch, …, model:Watch, hardware:Watch2,4, …>` → `Apple Watch (Watch2,4)`. */
export function deviceLabel(sourceName: string | undefined, device: string | undefined): string | null {
  let hardware: string | undefined;
  let model: string | undefined;
  if (device !== undefined) {
    for (const field of device.split(", ")) {
      if (field.startsWith("hardware:")) hardware = field.slice(9).replace(/>$/, "");
      else if (field.startsWith("model:")) model = field.slice(6).replace(/>$/, "");
    }
  }
  const detail = hardware || model;
  // Apple writes "Apple\u00a0Watch" with a no-break space; labels use plain spaces so devices compare equal.
  const name = sourceName?.replace(/\u00a0/g, " ");
  if (!name) return detail || null;
  return detail && !name.includes(detail) ? `${name} (${detail})` : name;
}

/**
 * Turns the element events of an `export.xml` into normalized items. Holds only the open Workout and the
 * night's sleep intervals, so memory stays flat however large the export is.
 */
export class AppleExportReader {
  sawHealthData = false;
  private correlationDepth = 0;
  private routeDepth = 0;
  private workout: WorkoutBuilder | null = null;
  private workoutLine = 0;
  private readonly sleep = new SleepSessionGrouper();
  /** Device labels by source name, then by the raw `device` attribute (both repeat on most records). */
  private readonly devices = new Map<string, Map<string, string | null>>();
  /** Identical records seen at `occurrenceStart`, by identity. */
  private readonly occurrences = new Map<string, number>();
  private occurrenceStart = "";

  constructor(
    private readonly parser: SaxesParser,
    private readonly out: BatchCollector,
    private readonly tracker: ImportTracker,
  ) {
    parser.on("opentag", (tag: SaxesTagPlain) => this.open(tag.name, tag.attributes));
    parser.on("closetag", (tag: SaxesTagPlain) => this.close(tag.name));
    parser.on("error", (error: Error) => {
      if (isStructuralXmlError(error.message)) throw brokenExportError(parser.line, error.message);
      tracker.error({ line: parser.line, recordType: "xml", message: error.message });
    });
  }

  /** Emits what can only be known at the end of the file: the sleep sessions. */
  finish(): void {
    for (const session of this.sleep.sessions()) this.out.sleepSession(session);
  }

  private open(name: string, attributes: Attributes): void {
    switch (name) {
      case "Record":
        if (this.correlationDepth > 0) this.tracker.skip("record repeated inside Correlation");
        else this.record(attributes);
        return;
      case "Correlation":
        this.correlationDepth += 1;
        return;
      case "Workout":
        this.startWorkout(attributes);
        return;
      case "WorkoutRoute":
        this.routeDepth += 1;
        return;
      case "MetadataEntry":
        if (this.routeDepth === 0 && this.correlationDepth === 0) this.workout?.metadataEntry(attributes);
        return;
      case "WorkoutEvent":
        this.workout?.workoutEvent(attributes);
        return;
      case "WorkoutStatistics":
        this.workout?.workoutStatistics(attributes);
        return;
      case "ActivitySummary":
        this.activitySummary(attributes);
        return;
      case "HealthData":
        this.sawHealthData = true;
        return;
    }
  }

  private close(name: string): void {
    if (name === "Correlation") this.correlationDepth = Math.max(0, this.correlationDepth - 1);
    else if (name === "WorkoutRoute") this.routeDepth = Math.max(0, this.routeDepth - 1);
    else if (name === "Workout" && this.workout) {
      this.out.workout(this.workout.build());
      this.workout = null;
    }
  }

  private fail(recordType: string, message: string, line = this.parser.line): void {
    this.tracker.error({ line, recordType, message });
  }

  private device(sourceName: string | undefined, device: string | undefined): string | null {
    const name = sourceName ?? "";
    let bySource = this.devices.get(name);
    if (!bySource) {
      if (this.devices.size >= DEVICE_CACHE_LIMIT) this.devices.clear();
      bySource = new Map();
      this.devices.set(name, bySource);
    }
    const key = device ?? "";
    let label = bySource.get(key);
    if (label === undefined) {
      if (bySource.size >= DEVICE_CACHE_LIMIT) bySource.clear();
      label = deviceLabel(sourceName, device);
      bySource.set(key, label);
    }
    return label;
  }

  /**
   * How many identical records came before this one (two bananas logged at 00:00 are two records with
   * equal attributes). Exports write a type's records in time order, so identical ones sit together:
   * counting among the records of the current start time, and forgetting them when it moves on, keeps
   * this to a handful of entries.
   */
  private occurrenceOf(startDate: string, identity: string): number {
    if (startDate !== this.occurrenceStart) {
      this.occurrenceStart = startDate;
      this.occurrences.clear();
    }
    const seen = this.occurrences.get(identity) ?? 0;
    this.occurrences.set(identity, seen + 1);
    return seen;
  }

  private record(a: Attributes): void {
    const type = a.type;
    if (type === undefined) {
      this.fail("Record", "Record without a type");
      return;
    }
    if (type === SLEEP_TYPE) {
      this.sleepRecord(type, a);
      return;
    }
    const mapping = quantityMapping(type);
    if (!mapping) {
      this.tracker.skip(type);
      return;
    }
    const start = parseAppleDate(a.startDate);
    const end = parseAppleDate(a.endDate);
    if (!start || !end || end.epochMs < start.epochMs) {
      this.fail(type, `invalid startDate/endDate "${a.startDate}"/"${a.endDate}"`);
      return;
    }
    const text = a.value;
    const raw = text === undefined || text === "" ? Number.NaN : Number(text);
    const value = Number.isFinite(raw) ? mapping.convert(raw, a.unit ?? "") : null;
    if (value === null) {
      this.fail(type, Number.isFinite(raw) ? `unsupported unit "${a.unit}"` : `value "${text}" is not a number`);
      return;
    }
    const identity = [type, a.sourceName ?? "", a.startDate ?? "", a.endDate ?? "", text ?? ""] as const;
    const occurrence = this.occurrenceOf(a.startDate ?? "", identity.join("\u001f"));
    const at = mapping.atEnd ? end : start;
    this.out.sample({
      source: "apple_health",
      // The first occurrence keeps the id earlier imports gave the record.
      sourceRecordId: occurrence === 0 ? stableId("apple", ...identity) : stableId("apple", ...identity, String(occurrence)),
      device: this.device(a.sourceName, a.device),
      utcOffsetMinutes: at.offsetMinutes,
      timeZone: null,
      metric: mapping.metric,
      start: new Date(at.epochMs),
      end: new Date(end.epochMs),
      value,
      occurrence,
    });
  }

  private sleepRecord(type: string, a: Attributes): void {
    const stage = sleepStageOf(a.value);
    const start = parseAppleDate(a.startDate);
    const end = parseAppleDate(a.endDate);
    if (!stage) {
      this.fail(type, `unknown sleep value "${a.value}"`);
      return;
    }
    if (!start || !end || end.epochMs < start.epochMs) {
      this.fail(type, `invalid startDate/endDate "${a.startDate}"/"${a.endDate}"`);
      return;
    }
    this.sleep.add(a.sourceName ?? "", {
      start: start.epochMs,
      end: end.epochMs,
      stage,
      offsetMinutes: end.offsetMinutes,
      device: this.device(a.sourceName, a.device),
    });
  }

  private startWorkout(a: Attributes): void {
    this.workoutLine = this.parser.line;
    const recordType = a.workoutActivityType ?? "Workout";
    try {
      this.workout = new WorkoutBuilder(a, this.device(a.sourceName, a.device), (message) => this.fail(recordType, message, this.workoutLine));
    } catch (error) {
      if (!(error instanceof WorkoutProblem)) throw error;
      this.workout = null;
      this.fail(recordType, error.message);
    }
  }

  private activitySummary(a: Attributes): void {
    const date = a.dateComponents;
    if (date === undefined || !DATE_ONLY.test(date)) {
      this.fail("ActivitySummary", `invalid dateComponents "${date}"`);
      return;
    }
    const energy = Number(a.activeEnergyBurned ?? 0);
    const exerciseMinutes = Number(a.appleExerciseTime ?? 0);
    const standHours = Number(a.appleStandHours ?? 0);
    if (!Number.isFinite(energy) || !Number.isFinite(exerciseMinutes) || !Number.isFinite(standHours)) {
      this.fail("ActivitySummary", `non-numeric totals for ${date}`);
      return;
    }
    // Apple writes an all-zero summary for every day the watch was not worn: a gap, not a day of rest.
    if (energy === 0 && exerciseMinutes === 0 && standHours === 0) {
      this.tracker.skip("ActivitySummary without activity");
      return;
    }
    const energyKJ = convertEnergyToKJ(energy, a.activeEnergyBurnedUnit ?? "kcal");
    if (energyKJ === null) {
      this.fail("ActivitySummary", `unsupported unit "${a.activeEnergyBurnedUnit}"`);
      return;
    }
    this.dailyTotal(date, "active_energy", energyKJ);
    this.dailyTotal(date, "active_duration", exerciseMinutes * 60);
  }

  private dailyTotal(localDate: string, metric: Metric, value: number): void {
    this.out.dailyTotal({
      source: "apple_health",
      sourceRecordId: `apple:activity:${localDate}:${metric}`,
      device: null,
      utcOffsetMinutes: null,
      timeZone: null,
      metric,
      localDate,
      value,
    });
  }
}
