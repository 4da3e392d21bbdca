import { dateAtOffset } from "../../local-date";
import { emptyBatch, type NormalizedBatch } from "../../types";
import { WHOOP_RESOURCE_SCHEMAS, isWhoopResource } from "./schema";
import { BatchBuilder, percentToFraction } from "../shared/batch";
import { parseValue } from "../shared/parse";
import { parseOffsetMinutes } from "../shared/time";

const seconds = (milli: number | null | undefined) => (typeof milli === "number" ? milli / 1000 : null);

function sum(...values: (number | null)[]): number | null {
  if (values.some((v) => v === null)) return null;
  return (values as number[]).reduce((a, b) => a + b, 0);
}

/** Normalizes one WHOOP v2 document: sleep, recovery, cycle or workout. */
export function normalizeWhoop(payload: unknown, recordType: string): NormalizedBatch {
  if (!isWhoopResource(recordType)) return emptyBatch();
  const message = `The WHOOP ${recordType} document does not have the documented shape.`;
  switch (recordType) {
    case "sleep": {
      const sleep = parseValue(payload, WHOOP_RESOURCE_SCHEMAS.sleep, message);
      // Only a scored sleep has stages and totals worth keeping; pending ones come back as an update.
      if (sleep.score_state !== "SCORED") return emptyBatch();
      const offset = parseOffsetMinutes(sleep.timezone_offset);
      const end = new Date(sleep.end);
      const b = new BatchBuilder({ source: "whoop", idPrefix: `sleep:${sleep.id}`, utcOffsetMinutes: offset });
      const stages = sleep.score?.stage_summary;
      const light = seconds(stages?.total_light_sleep_time_milli);
      const deep = seconds(stages?.total_slow_wave_sleep_time_milli);
      const rem = seconds(stages?.total_rem_sleep_time_milli);
      b.sleep({
        start: new Date(sleep.start),
        end,
        isNap: sleep.nap ?? false,
        stages: [],
        totals: {
          inBedSeconds: seconds(stages?.total_in_bed_time_milli),
          asleepSeconds: sum(light, deep, rem),
          awakeSeconds: seconds(stages?.total_awake_time_milli),
          lightSeconds: light,
          deepSeconds: deep,
          remSeconds: rem,
        },
        efficiency: percentToFraction(sleep.score?.sleep_efficiency_percentage),
        utcOffsetMinutes: offset,
      });
      b.sample("respiratory_rate", end, sleep.score?.respiratory_rate, { id: "respiratory_rate:night" });
      if (!sleep.nap) b.sample("sleep_score", end, sleep.score?.sleep_performance_percentage, { id: "sleep_score:night" });
      return b.batch;
    }
    case "recovery": {
      const recovery = parseValue(payload, WHOOP_RESOURCE_SCHEMAS.recovery, message);
      if (recovery.score_state !== "SCORED") return emptyBatch();
      // A recovery has no start, end or offset of its own: its values are readings at `created_at`
      // (when WHOOP scored it, right after the sleep), placed on a day by the user's zone.
      const at = new Date(recovery.created_at);
      const b = new BatchBuilder({ source: "whoop", idPrefix: `recovery:${recovery.sleep_id}`, utcOffsetMinutes: null });
      const score = recovery.score;
      b.sample("recovery", at, score?.recovery_score, { id: "recovery" });
      b.sample("resting_heart_rate", at, score?.resting_heart_rate, { id: "resting_heart_rate" });
      b.sample("hrv_rmssd", at, score?.hrv_rmssd_milli, { id: "hrv_rmssd" });
      b.sample("spo2", at, percentToFraction(score?.spo2_percentage), { id: "spo2" });
      b.sample("skin_temperature", at, score?.skin_temp_celsius, { id: "skin_temperature" });
      return b.batch;
    }
    case "cycle": {
      const cycle = parseValue(payload, WHOOP_RESOURCE_SCHEMAS.cycle, message);
      if (cycle.score_state !== "SCORED") return emptyBatch();
      const offset = parseOffsetMinutes(cycle.timezone_offset);
      // A cycle runs from one sleep onset to the next; the day it covers is the one around its middle.
      const start = Date.parse(cycle.start);
      const end = cycle.end ? Date.parse(cycle.end) : start + 86_400_000;
      const day = dateAtOffset(new Date(start + (end - start) / 2), offset ?? 0);
      const b = new BatchBuilder({ source: "whoop", idPrefix: `cycle:${cycle.id}`, utcOffsetMinutes: offset });
      b.dailyTotal("strain", day, cycle.score?.strain);
      b.dailyTotal("total_energy", day, cycle.score?.kilojoule);
      return b.batch;
    }
    case "workout": {
      const workout = parseValue(payload, WHOOP_RESOURCE_SCHEMAS.workout, message);
      const b = new BatchBuilder({ source: "whoop", idPrefix: `workout:${workout.id}` });
      const scored = workout.score_state === "SCORED" ? workout.score : null;
      b.workout({
        activityType: workout.sport_name ?? "activity",
        start: new Date(workout.start),
        end: new Date(workout.end),
        energyKJ: scored?.kilojoule ?? null,
        distanceM: scored?.distance_meter ?? null,
        avgHeartRate: scored?.average_heart_rate ?? null,
        maxHeartRate: scored?.max_heart_rate ?? null,
        utcOffsetMinutes: parseOffsetMinutes(workout.timezone_offset),
      });
      return b.batch;
    }
  }
}
