import { emptyBatch, KCAL_TO_KJ, type Metric, type NormalizedBatch, type NormalizedSleepSession, type NormalizedWorkout, type ProviderId } from "../../types";

export interface RecordContext {
  source: ProviderId;
  /** Prefix of every sourceRecordId of this record, e.g. `sleep:7c1…`; keeps ids deterministic. */
  idPrefix: string;
  device?: string | null;
  utcOffsetMinutes?: number | null;
  timeZone?: string | null;
}

function usable(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Collects the normalized items of one provider record; values that are missing or not finite are skipped. */
export class BatchBuilder {
  readonly batch: NormalizedBatch = emptyBatch();

  constructor(private readonly ctx: RecordContext) {}

  private ref(suffix: string, utcOffsetMinutes?: number | null) {
    return {
      source: this.ctx.source,
      sourceRecordId: `${this.ctx.idPrefix}:${suffix}`,
      device: this.ctx.device ?? null,
      utcOffsetMinutes: utcOffsetMinutes !== undefined ? utcOffsetMinutes : (this.ctx.utcOffsetMinutes ?? null),
      timeZone: this.ctx.timeZone ?? null,
    };
  }

  /**
   * A reading over [start, end] (or at an instant when end is omitted). Its id is the record's own:
   * metric and start already tell the readings of one record apart in the samples' key.
   */
  sample(metric: Metric, start: Date, value: number | null | undefined, opts: { end?: Date; id?: string; utcOffsetMinutes?: number | null } = {}): void {
    if (!usable(value) || Number.isNaN(start.getTime())) return;
    // Built field by field: this runs once per reading (half a million times for a year of minutes).
    this.batch.samples.push({
      source: this.ctx.source,
      sourceRecordId: opts.id === undefined ? this.ctx.idPrefix : `${this.ctx.idPrefix}:${opts.id}`,
      device: this.ctx.device ?? null,
      utcOffsetMinutes: opts.utcOffsetMinutes !== undefined ? opts.utcOffsetMinutes : (this.ctx.utcOffsetMinutes ?? null),
      timeZone: this.ctx.timeZone ?? null,
      metric,
      start,
      end: opts.end ?? start,
      value,
    });
  }

  dailyTotal(metric: Metric, localDate: string, value: number | null | undefined): void {
    if (!usable(value)) return;
    this.batch.dailyTotals.push({ ...this.ref(`${metric}:${localDate}`), metric, localDate, value });
  }

  sleep(session: Omit<NormalizedSleepSession, "source" | "sourceRecordId" | "device" | "timeZone">): void {
    const { utcOffsetMinutes, ...rest } = session;
    this.batch.sleepSessions.push({ ...this.ref("session", utcOffsetMinutes), ...rest });
  }

  workout(workout: Omit<NormalizedWorkout, "source" | "sourceRecordId" | "device" | "timeZone">): void {
    const { utcOffsetMinutes, ...rest } = workout;
    this.batch.workouts.push({ ...this.ref("workout", utcOffsetMinutes), ...rest });
  }
}

/** Percent (1–100) → fraction (0–1); values already ≤ 1 are taken as fractions. */
export function percentToFraction(value: number | null | undefined): number | null {
  if (!usable(value)) return null;
  return value > 1 ? value / 100 : value;
}

export function kcalToKj(kcal: number | null | undefined): number | null {
  return usable(kcal) ? kcal * KCAL_TO_KJ : null;
}

export function average(values: readonly number[]): number | null {
  const finite = values.filter(usable);
  if (finite.length === 0) return null;
  return finite.reduce((a, b) => a + b, 0) / finite.length;
}
