import { emptyBatch, type NormalizedBatch, type SleepStageInterval } from "../../types";
import { GARMIN_SUMMARY_SCHEMAS, isGarminSummaryType } from "./schema";
import { average, BatchBuilder, kcalToKj, percentToFraction } from "../shared/batch";
import { parseValue } from "../shared/parse";
import { fromEpochSeconds } from "../shared/time";

const offsetMinutes = (seconds: number | null | undefined) => (typeof seconds === "number" ? Math.round(seconds / 60) : null);

/** `{ "<offset s>": value }` → [instant, value] pairs from a summary's start. */
function series(startSeconds: number, map: Record<string, number> | null | undefined): [Date, number][] {
  return Object.entries(map ?? {}).map(([offset, value]) => [fromEpochSeconds(startSeconds + Number(offset)), value]);
}

function sumOrNull(...values: (number | null | undefined)[]): number | null {
  if (values.every((v) => v == null)) return null;
  return values.reduce<number>((a, v) => a + (v ?? 0), 0);
}

/** Normalizes one Garmin Health summary of the given type. */
export function normalizeGarmin(payload: unknown, recordType: string): NormalizedBatch {
  if (!isGarminSummaryType(recordType)) return emptyBatch();
  const message = `The Garmin ${recordType} summary does not have the documented shape.`;
  switch (recordType) {
    case "dailies": {
      const d = parseValue(payload, GARMIN_SUMMARY_SCHEMAS.dailies, message);
      const b = new BatchBuilder({ source: "garmin", idPrefix: `dailies:${d.summaryId}`, utcOffsetMinutes: offsetMinutes(d.startTimeOffsetInSeconds) });
      const day = d.calendarDate;
      if (day) {
        b.dailyTotal("steps", day, d.steps);
        b.dailyTotal("distance", day, d.distanceInMeters);
        b.dailyTotal("active_energy", day, kcalToKj(d.activeKilocalories));
        b.dailyTotal("basal_energy", day, kcalToKj(d.bmrKilocalories));
        b.dailyTotal("floors", day, d.floorsClimbed);
        b.dailyTotal("active_duration", day, sumOrNull(d.moderateIntensityDurationInSeconds, d.vigorousIntensityDurationInSeconds));
        b.dailyTotal("resting_heart_rate", day, d.restingHeartRateInBeatsPerMinute);
        // Garmin marks "no stress data" with negative levels.
        b.dailyTotal("stress", day, typeof d.averageStressLevel === "number" && d.averageStressLevel >= 0 ? d.averageStressLevel : null);
      }
      for (const [at, bpm] of series(d.startTimeInSeconds, d.timeOffsetHeartRateSamples)) b.sample("heart_rate", at, bpm);
      return b.batch;
    }
    case "epochs": {
      const e = parseValue(payload, GARMIN_SUMMARY_SCHEMAS.epochs, message);
      const b = new BatchBuilder({ source: "garmin", idPrefix: `epochs:${e.summaryId}`, utcOffsetMinutes: offsetMinutes(e.startTimeOffsetInSeconds) });
      const start = fromEpochSeconds(e.startTimeInSeconds);
      b.sample("steps", start, e.steps, { end: fromEpochSeconds(e.startTimeInSeconds + (e.durationInSeconds ?? 0)), id: "steps" });
      return b.batch;
    }
    case "sleeps": {
      const s = parseValue(payload, GARMIN_SUMMARY_SCHEMAS.sleeps, message);
      const offset = offsetMinutes(s.startTimeOffsetInSeconds);
      const b = new BatchBuilder({ source: "garmin", idPrefix: `sleeps:${s.summaryId}`, utcOffsetMinutes: offset });
      const levels = s.sleepLevelsMap;
      const stages: SleepStageInterval[] = (["deep", "light", "rem", "awake"] as const)
        .flatMap((stage) => (levels?.[stage] ?? []).map((x) => ({ stage, start: fromEpochSeconds(x.startTimeInSeconds), end: fromEpochSeconds(x.endTimeInSeconds) })))
        .sort((a, c) => a.start.getTime() - c.start.getTime());
      const start = fromEpochSeconds(s.startTimeInSeconds);
      const lastStage = stages.reduce((t, x) => Math.max(t, x.end.getTime()), 0);
      const end = new Date(Math.max(start.getTime() + (s.durationInSeconds ?? 0) * 1000, lastStage));
      b.sleep({
        start,
        end,
        isNap: false,
        stages,
        totals: {
          inBedSeconds: s.durationInSeconds ?? null,
          asleepSeconds: sumOrNull(s.deepSleepDurationInSeconds, s.lightSleepDurationInSeconds, s.remSleepInSeconds),
          awakeSeconds: s.awakeDurationInSeconds ?? null,
          lightSeconds: s.lightSleepDurationInSeconds ?? null,
          deepSeconds: s.deepSleepDurationInSeconds ?? null,
          remSeconds: s.remSleepInSeconds ?? null,
        },
        utcOffsetMinutes: offset,
      });
      b.sample("respiratory_rate", end, average(Object.values(s.timeOffsetSleepRespiration ?? {})), { id: "respiratory_rate:night" });
      b.sample("spo2", end, percentToFraction(average(Object.values(s.timeOffsetSleepSpo2 ?? {}))), { id: "spo2:night" });
      b.sample("sleep_score", end, s.overallSleepScore?.value, { id: "sleep_score:night" });
      return b.batch;
    }
    case "hrv": {
      const h = parseValue(payload, GARMIN_SUMMARY_SCHEMAS.hrv, message);
      const b = new BatchBuilder({ source: "garmin", idPrefix: `hrv:${h.summaryId}`, utcOffsetMinutes: offsetMinutes(h.startTimeOffsetInSeconds) });
      // Garmin's HRV status is built on RMSSD.
      if (h.calendarDate) b.dailyTotal("hrv_rmssd", h.calendarDate, h.lastNightAvg);
      return b.batch;
    }
    case "bodyComps": {
      const c = parseValue(payload, GARMIN_SUMMARY_SCHEMAS.bodyComps, message);
      const b = new BatchBuilder({ source: "garmin", idPrefix: `bodyComps:${c.summaryId}`, utcOffsetMinutes: offsetMinutes(c.measurementTimeOffsetInSeconds) });
      const at = fromEpochSeconds(c.measurementTimeInSeconds);
      b.sample("weight", at, typeof c.weightInGrams === "number" ? c.weightInGrams / 1000 : null);
      b.sample("body_fat", at, percentToFraction(c.bodyFatInPercent));
      b.sample("bmi", at, c.bodyMassIndex);
      return b.batch;
    }
    case "pulseox": {
      const p = parseValue(payload, GARMIN_SUMMARY_SCHEMAS.pulseox, message);
      const b = new BatchBuilder({ source: "garmin", idPrefix: `pulseox:${p.summaryId}`, utcOffsetMinutes: offsetMinutes(p.startTimeOffsetInSeconds) });
      for (const [at, pct] of series(p.startTimeInSeconds, p.timeOffsetSpo2Values)) b.sample("spo2", at, percentToFraction(pct));
      return b.batch;
    }
    case "respiration": {
      const r = parseValue(payload, GARMIN_SUMMARY_SCHEMAS.respiration, message);
      const b = new BatchBuilder({ source: "garmin", idPrefix: `respiration:${r.summaryId}`, utcOffsetMinutes: offsetMinutes(r.startTimeOffsetInSeconds) });
      for (const [at, rate] of series(r.startTimeInSeconds, r.timeOffsetEpochToBreaths)) b.sample("respiratory_rate", at, rate);
      return b.batch;
    }
    case "skinTemp": {
      const t = parseValue(payload, GARMIN_SUMMARY_SCHEMAS.skinTemp, message);
      const b = new BatchBuilder({ source: "garmin", idPrefix: `skinTemp:${t.summaryId}`, utcOffsetMinutes: offsetMinutes(t.startTimeOffsetInSeconds) });
      if (t.calendarDate) b.dailyTotal("temperature_deviation", t.calendarDate, t.avgDeviationCelsius);
      return b.batch;
    }
    case "activities": {
      const a = parseValue(payload, GARMIN_SUMMARY_SCHEMAS.activities, message);
      const b = new BatchBuilder({ source: "garmin", idPrefix: `activities:${a.summaryId}` });
      b.workout({
        activityType: a.activityType ?? a.activityName ?? "activity",
        start: fromEpochSeconds(a.startTimeInSeconds),
        end: fromEpochSeconds(a.startTimeInSeconds + (a.durationInSeconds ?? 0)),
        energyKJ: kcalToKj(a.activeKilocalories),
        distanceM: a.distanceInMeters ?? null,
        avgHeartRate: a.averageHeartRateInBeatsPerMinute ?? null,
        maxHeartRate: a.maxHeartRateInBeatsPerMinute ?? null,
        utcOffsetMinutes: offsetMinutes(a.startTimeOffsetInSeconds),
      });
      return b.batch;
    }
  }
}
