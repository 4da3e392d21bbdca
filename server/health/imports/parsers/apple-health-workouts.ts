import type { NormalizedWorkout } from "../../types";
import { parseAppleDate, type AppleInstant } from "./apple-health-dates";
import { convertEnergyToKJ, convertHeartRate, convertLengthToMeters, durationSeconds } from "./apple-health-quantities";
import { stableId } from "./stable-id";

type Attributes = Readonly<Record<string, string>>;
type WorkoutEvent = NonNullable<NormalizedWorkout["events"]>[number];

/** `HKWorkoutActivityTypeHighIntensityIntervalTraining` → `high_intensity_interval_training`. */
export function snakeCaseAfterPrefix(identifier: string, prefix: string): string {
  const name = identifier.startsWith(prefix) ? identifier.slice(prefix.length) : identifier;
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

function finiteNumber(text: string | undefined): number | null {
  if (text === undefined || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export class WorkoutProblem extends Error {}

/**
 * Accumulates one `<Workout>` element and its children (MetadataEntry, WorkoutEvent, WorkoutStatistics).
 * Totals on the Workout element win; iOS 16+ exports only carry them in WorkoutStatistics.
 */
export class WorkoutBuilder {
  private readonly start: AppleInstant;
  private readonly end: AppleInstant;
  private readonly metadata: Record<string, string> = {};
  private readonly events: WorkoutEvent[] = [];
  private energyKJ: number | null = null;
  private distanceM: number | null = null;
  private statisticsEnergyKJ: number | null = null;
  private statisticsDistanceM: number | null = null;
  private avgHeartRate: number | null = null;
  private maxHeartRate: number | null = null;

  constructor(
    private readonly attributes: Attributes,
    private readonly device: string | null,
    private readonly problems: (message: string) => void,
  ) {
    const start = parseAppleDate(attributes.startDate);
    const end = parseAppleDate(attributes.endDate);
    if (!start || !end) throw new WorkoutProblem(`invalid startDate/endDate "${attributes.startDate}"/"${attributes.endDate}"`);
    if (end.epochMs < start.epochMs) throw new WorkoutProblem("endDate is before startDate");
    this.start = start;
    this.end = end;
    this.energyKJ = this.measure("totalEnergyBurned", attributes.totalEnergyBurned, attributes.totalEnergyBurnedUnit ?? "kcal", convertEnergyToKJ);
    this.distanceM = this.measure("totalDistance", attributes.totalDistance, attributes.totalDistanceUnit ?? "km", convertLengthToMeters);
  }

  metadataEntry(attributes: Attributes): void {
    const { key, value } = attributes;
    if (key !== undefined && value !== undefined) this.metadata[key] = value;
  }

  workoutEvent(attributes: Attributes): void {
    const at = parseAppleDate(attributes.date);
    if (!at || attributes.type === undefined) {
      this.problems(`WorkoutEvent with invalid type/date "${attributes.type}"/"${attributes.date}"`);
      return;
    }
    const duration = finiteNumber(attributes.duration);
    this.events.push({
      type: snakeCaseAfterPrefix(attributes.type, "HKWorkoutEventType"),
      at: new Date(at.epochMs),
      durationSeconds: duration === null ? null : durationSeconds(duration, attributes.durationUnit),
    });
  }

  workoutStatistics(attributes: Attributes): void {
    const type = attributes.type ?? "";
    const unit = attributes.unit ?? "";
    if (type === "HKQuantityTypeIdentifierActiveEnergyBurned") {
      this.statisticsEnergyKJ = this.measure(type, attributes.sum, unit, convertEnergyToKJ);
    } else if (type.startsWith("HKQuantityTypeIdentifierDistance")) {
      this.statisticsDistanceM = this.measure(type, attributes.sum, unit, convertLengthToMeters);
    } else if (type === "HKQuantityTypeIdentifierHeartRate") {
      this.avgHeartRate = this.measure(type, attributes.average, unit, convertHeartRate);
      this.maxHeartRate = this.measure(type, attributes.maximum, unit, convertHeartRate);
    }
  }

  build(): NormalizedWorkout {
    const attributes = this.attributes;
    const activityType = snakeCaseAfterPrefix(attributes.workoutActivityType ?? "other", "HKWorkoutActivityType");
    const sourceName = attributes.sourceName ?? "";
    return {
      source: "apple_health",
      sourceRecordId: stableId("apple:workout", attributes.workoutActivityType ?? "", sourceName, attributes.startDate ?? "", attributes.endDate ?? ""),
      device: this.device,
      utcOffsetMinutes: this.start.offsetMinutes,
      timeZone: this.metadata.HKTimeZone ?? null,
      activityType,
      start: new Date(this.start.epochMs),
      end: new Date(this.end.epochMs),
      energyKJ: this.energyKJ ?? this.statisticsEnergyKJ,
      distanceM: this.distanceM ?? this.statisticsDistanceM,
      avgHeartRate: this.avgHeartRate,
      maxHeartRate: this.maxHeartRate,
      events: this.events.sort((a, b) => a.at.getTime() - b.at.getTime()),
      metadata: this.metadata,
    };
  }

  private measure(
    field: string,
    text: string | undefined,
    unit: string,
    convert: (value: number, unit: string) => number | null,
  ): number | null {
    if (text === undefined) return null;
    const value = finiteNumber(text);
    const converted = value === null ? null : convert(value, unit);
    if (converted === null) this.problems(`${field}: cannot read "${text}" ${unit}`);
    return converted;
  }
}
