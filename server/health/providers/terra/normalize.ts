import type { z } from "zod";
import { AppError } from "@/server/errors";
import { dateAtOffset } from "../../local-date";
import { emptyBatch, type NormalizedBatch, type ProviderId } from "../../types";
import { terraOffset, terraRecordId } from "./identity";
import {
  TERRA_RECORD_SCHEMAS,
  type TerraActivity,
  type TerraBody,
  type TerraDaily,
  type TerraDataType,
  type TerraNutrition,
  validatedTerraRecords,
} from "./schema";
import { normalizeTerraSleep } from "./sleep";
import { BatchBuilder, kcalToKj, percentToFraction } from "../shared/batch";
import { parseValue } from "../shared/parse";

/**
 * The local day of a record spanning a day (Daily, Nutrition): the date of its midpoint, which is
 * right whether Terra wrote local midnights or their UTC equivalents.
 */
function dayOf(meta: { start_time: string; end_time: string; timestamp_localization?: number | null }): string {
  const start = Date.parse(meta.start_time);
  const end = Date.parse(meta.end_time);
  return dateAtOffset(new Date(start + (end - start) / 2), terraOffset(meta) ?? 0);
}

function normalizeDaily(daily: TerraDaily, source: ProviderId): NormalizedBatch {
  const meta = daily.metadata;
  const day = dayOf(meta);
  const b = new BatchBuilder({ source, idPrefix: `daily:${terraRecordId("daily", meta)}`, device: daily.device_data?.name, utcOffsetMinutes: terraOffset(meta) });
  b.dailyTotal("steps", day, daily.distance_data?.steps);
  b.dailyTotal("distance", day, daily.distance_data?.distance_meters);
  b.dailyTotal("floors", day, daily.distance_data?.floors_climbed);
  b.dailyTotal("total_energy", day, kcalToKj(daily.calories_data?.total_burned_calories));
  b.dailyTotal("active_energy", day, kcalToKj(daily.calories_data?.net_activity_calories));
  b.dailyTotal("basal_energy", day, kcalToKj(daily.calories_data?.BMR_calories));
  b.dailyTotal("active_duration", day, daily.active_durations_data?.activity_seconds);
  const hr = daily.heart_rate_data?.summary;
  b.dailyTotal("resting_heart_rate", day, hr?.resting_hr_bpm);
  b.dailyTotal("hrv_rmssd", day, hr?.avg_hrv_rmssd);
  b.dailyTotal("hrv_sdnn", day, hr?.avg_hrv_sdnn);
  b.dailyTotal("spo2", day, percentToFraction(daily.oxygen_data?.avg_saturation_percentage));
  b.dailyTotal("vo2max", day, daily.oxygen_data?.vo2max_ml_per_min_per_kg);
  b.dailyTotal("stress", day, daily.stress_data?.avg_stress_level);
  b.dailyTotal("activity_score", day, daily.scores?.activity);
  b.dailyTotal("recovery", day, daily.scores?.recovery);
  b.dailyTotal("sleep_score", day, daily.scores?.sleep);
  for (const s of daily.heart_rate_data?.detailed?.hr_samples ?? []) b.sample("heart_rate", new Date(s.timestamp), s.bpm);
  return b.batch;
}

function normalizeActivity(activity: TerraActivity, source: ProviderId): NormalizedBatch {
  const meta = activity.metadata;
  const b = new BatchBuilder({ source, idPrefix: `activity:${terraRecordId("activity", meta)}`, device: activity.device_data?.name });
  const hr = activity.heart_rate_data?.summary;
  b.workout({
    activityType: meta.name ?? (meta.type !== null && meta.type !== undefined ? String(meta.type) : "activity"),
    start: new Date(meta.start_time),
    end: new Date(meta.end_time),
    energyKJ: kcalToKj(activity.calories_data?.total_burned_calories ?? activity.calories_data?.net_activity_calories),
    distanceM: activity.distance_data?.summary?.distance_meters ?? null,
    avgHeartRate: hr?.avg_hr_bpm ?? null,
    maxHeartRate: hr?.max_hr_bpm ?? null,
    utcOffsetMinutes: terraOffset(meta),
  });
  return b.batch;
}

function normalizeBody(body: TerraBody, source: ProviderId): NormalizedBatch {
  const b = new BatchBuilder({ source, idPrefix: `body:${terraRecordId("body", body.metadata)}`, device: body.device_data?.name, utcOffsetMinutes: terraOffset(body.metadata) });
  for (const m of body.measurements_data?.measurements ?? []) {
    const at = new Date(m.measurement_time);
    b.sample("weight", at, m.weight_kg);
    b.sample("height", at, typeof m.height_cm === "number" ? m.height_cm / 100 : null);
    b.sample("body_fat", at, percentToFraction(m.bodyfat_percentage));
    b.sample("bmi", at, m.BMI);
  }
  for (const t of body.temperature_data?.body_temperature_samples ?? []) b.sample("body_temperature", new Date(t.timestamp), t.temperature_celsius);
  return b.batch;
}

function normalizeNutrition(nutrition: TerraNutrition, source: ProviderId): NormalizedBatch {
  const meta = nutrition.metadata;
  const day = dayOf(meta);
  const b = new BatchBuilder({ source, idPrefix: `nutrition:${terraRecordId("nutrition", meta)}`, utcOffsetMinutes: terraOffset(meta) });
  const macros = nutrition.summary?.macros;
  b.dailyTotal("energy_intake", day, kcalToKj(macros?.calories));
  b.dailyTotal("protein", day, macros?.protein_g);
  b.dailyTotal("carbohydrates", day, macros?.carbohydrates_g);
  b.dailyTotal("fat", day, macros?.fat_g);
  const water = nutrition.summary?.water_ml;
  b.dailyTotal("water", day, typeof water === "number" ? water / 1000 : null);
  return b.batch;
}

export function isTerraDataType(type: string): type is TerraDataType {
  return Object.hasOwn(TERRA_RECORD_SCHEMAS, type);
}

/** Normalizes one Terra-shaped record (Terra itself and the demo provider, which sends Terra's shapes). */
export function normalizeTerraRecord(payload: unknown, recordType: string, source: ProviderId): NormalizedBatch {
  if (!isTerraDataType(recordType)) throw AppError.field("recordType", `Unknown Terra data type "${recordType}".`);
  const message = `The ${recordType} record does not have Terra's documented shape.`;
  const checked = <S extends z.ZodType>(schema: S): z.output<S> => {
    const known = typeof payload === "object" && payload !== null ? validatedTerraRecords.get(payload) : undefined;
    return (known as z.output<S> | undefined) ?? parseValue(payload, schema, message);
  };
  switch (recordType) {
    case "sleep":
      return normalizeTerraSleep(checked(TERRA_RECORD_SCHEMAS.sleep), source);
    case "daily":
      return normalizeDaily(checked(TERRA_RECORD_SCHEMAS.daily), source);
    case "activity":
      return normalizeActivity(checked(TERRA_RECORD_SCHEMAS.activity), source);
    case "body":
      return normalizeBody(checked(TERRA_RECORD_SCHEMAS.body), source);
    case "nutrition":
      return normalizeNutrition(checked(TERRA_RECORD_SCHEMAS.nutrition), source);
    case "menstruation":
    case "athlete":
      // Kept raw; BioSync has no metric for them yet.
      return emptyBatch();
  }
}
