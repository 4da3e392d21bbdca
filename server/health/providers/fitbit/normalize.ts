import { emptyBatch, type NormalizedBatch, type SleepStage } from "../../types";
import { FITBIT_RESOURCE_SCHEMAS, isFitbitResource } from "./schema";
import { BatchBuilder, kcalToKj, percentToFraction } from "../shared/batch";
import { parseValue } from "../shared/parse";
import { intervalsFromPoints } from "../shared/stages";
import { wallTimeToInstant } from "../shared/time";

const LEVELS: Record<string, SleepStage> = {
  deep: "deep",
  light: "light",
  rem: "rem",
  wake: "awake",
  awake: "awake",
  // Classic logs: "restless" is counted in minutesAwake by Fitbit, so it is not sleep here either.
  restless: "awake",
  asleep: "asleep",
  unknown: "unknown",
};

const minutesToSeconds = (m: number | null | undefined) => (typeof m === "number" ? m * 60 : null);

/** Normalizes one Fitbit document; wall-clock times are read in the user's zone. */
export function normalizeFitbit(payload: unknown, recordType: string, timeZone: string): NormalizedBatch {
  if (!isFitbitResource(recordType)) return emptyBatch();
  const message = `The Fitbit ${recordType} document does not have the documented shape.`;
  const wall = (text: string) => wallTimeToInstant(text, timeZone);
  switch (recordType) {
    case "activities": {
      const day = parseValue(payload, FITBIT_RESOURCE_SCHEMAS.activities, message);
      const s = day.summary;
      const noon = wall(`${day.date}T12:00:00`);
      const b = new BatchBuilder({ source: "fitbit", idPrefix: `activities:${day.date}`, utcOffsetMinutes: noon?.offsetMinutes ?? null });
      b.dailyTotal("steps", day.date, s.steps);
      b.dailyTotal("total_energy", day.date, kcalToKj(s.caloriesOut));
      b.dailyTotal("active_energy", day.date, kcalToKj(s.activityCalories));
      b.dailyTotal("basal_energy", day.date, kcalToKj(s.caloriesBMR));
      b.dailyTotal("floors", day.date, s.floors);
      const km = s.distances?.find((d) => d.activity === "total")?.distance;
      b.dailyTotal("distance", day.date, typeof km === "number" ? km * 1000 : null);
      if (s.fairlyActiveMinutes != null || s.veryActiveMinutes != null) {
        b.dailyTotal("active_duration", day.date, ((s.fairlyActiveMinutes ?? 0) + (s.veryActiveMinutes ?? 0)) * 60);
      }
      for (const a of day.activities ?? []) {
        const start = wall(`${a.startDate}T${a.startTime.length === 5 ? `${a.startTime}:00` : a.startTime}`);
        if (!start) continue;
        const one = new BatchBuilder({ source: "fitbit", idPrefix: `activities:${day.date}:${a.logId}` });
        one.workout({
          activityType: a.activityName ?? "activity",
          start: start.instant,
          end: new Date(start.instant.getTime() + a.duration),
          energyKJ: kcalToKj(a.calories),
          distanceM: typeof a.distance === "number" ? a.distance * 1000 : null,
          utcOffsetMinutes: start.offsetMinutes,
        });
        b.batch.workouts.push(...one.batch.workouts);
      }
      return b.batch;
    }
    case "heart": {
      const day = parseValue(payload, FITBIT_RESOURCE_SCHEMAS.heart, message);
      const b = new BatchBuilder({ source: "fitbit", idPrefix: `heart:${day.date}` });
      const resting = day["activities-heart"]?.find((h) => h.dateTime === day.date)?.value.restingHeartRate;
      b.dailyTotal("resting_heart_rate", day.date, resting);
      for (const point of day["activities-heart-intraday"]?.dataset ?? []) {
        const at = wall(`${day.date}T${point.time}`);
        if (at) b.sample("heart_rate", at.instant, point.value, { utcOffsetMinutes: at.offsetMinutes });
      }
      return b.batch;
    }
    case "sleep": {
      const log = parseValue(payload, FITBIT_RESOURCE_SCHEMAS.sleep, message);
      const start = wall(log.startTime);
      const end = wall(log.endTime);
      if (!start || !end) return emptyBatch();
      const b = new BatchBuilder({ source: "fitbit", idPrefix: `sleep:${log.logId}`, utcOffsetMinutes: end.offsetMinutes });
      const points = (log.levels?.data ?? []).flatMap((d) => {
        const at = wall(d.dateTime);
        return at ? [{ at: at.instant, stage: LEVELS[d.level] ?? "unknown" }] : [];
      });
      const summary = log.type === "stages" ? log.levels?.summary : null;
      b.sleep({
        start: start.instant,
        end: end.instant,
        isNap: log.isMainSleep === false,
        stages: intervalsFromPoints(points, end.instant),
        totals: {
          inBedSeconds: minutesToSeconds(log.timeInBed),
          asleepSeconds: minutesToSeconds(log.minutesAsleep),
          awakeSeconds: minutesToSeconds(log.minutesAwake),
          latencySeconds: minutesToSeconds(log.minutesToFallAsleep),
          lightSeconds: minutesToSeconds(summary?.light?.minutes),
          deepSeconds: minutesToSeconds(summary?.deep?.minutes),
          remSeconds: minutesToSeconds(summary?.rem?.minutes),
        },
        efficiency: percentToFraction(log.efficiency),
        utcOffsetMinutes: end.offsetMinutes,
      });
      return b.batch;
    }
    case "hrv": {
      const day = parseValue(payload, FITBIT_RESOURCE_SCHEMAS.hrv, message);
      const b = new BatchBuilder({ source: "fitbit", idPrefix: `hrv:${day.dateTime}` });
      b.dailyTotal("hrv_rmssd", day.dateTime, day.value.dailyRmssd);
      return b.batch;
    }
    case "weight": {
      const log = parseValue(payload, FITBIT_RESOURCE_SCHEMAS.weight, message);
      const at = wall(`${log.date}T${log.time ?? "00:00:00"}`);
      if (!at) return emptyBatch();
      const b = new BatchBuilder({ source: "fitbit", idPrefix: `weight:${log.logId}`, utcOffsetMinutes: at.offsetMinutes });
      b.sample("weight", at.instant, log.weight);
      b.sample("bmi", at.instant, log.bmi);
      b.sample("body_fat", at.instant, percentToFraction(log.fat));
      return b.batch;
    }
  }
}
