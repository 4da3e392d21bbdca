import { emptyBatch, type NormalizedBatch, type SleepStage } from "../../types";
import { OURA_RESOURCE_SCHEMAS, isOuraResource, type OuraSleep } from "./schema";
import { BatchBuilder, kcalToKj, percentToFraction } from "../shared/batch";
import { parseValue } from "../shared/parse";
import { intervalsFromEpochs } from "../shared/stages";
import { offsetOfIso } from "../shared/time";

const PHASES: Record<string, SleepStage> = { "1": "deep", "2": "light", "3": "rem", "4": "awake" };

function normalizeSleep(sleep: OuraSleep): NormalizedBatch {
  // `rest` is a rejected detection, not a nap; `deleted` is gone.
  if (sleep.type === "rest" || sleep.type === "deleted") return emptyBatch();
  const start = new Date(sleep.bedtime_start);
  const end = new Date(sleep.bedtime_end);
  const offset = offsetOfIso(sleep.bedtime_end);
  const b = new BatchBuilder({ source: "oura", idPrefix: `sleep:${sleep.id}`, utcOffsetMinutes: offset });
  b.sleep({
    start,
    end,
    isNap: sleep.type !== "long_sleep",
    stages: sleep.sleep_phase_5_min ? intervalsFromEpochs(sleep.sleep_phase_5_min, start, 300, (c) => PHASES[c] ?? null) : [],
    totals: {
      inBedSeconds: sleep.time_in_bed ?? null,
      asleepSeconds: sleep.total_sleep_duration ?? null,
      awakeSeconds: sleep.awake_time ?? null,
      lightSeconds: sleep.light_sleep_duration ?? null,
      deepSeconds: sleep.deep_sleep_duration ?? null,
      remSeconds: sleep.rem_sleep_duration ?? null,
      latencySeconds: sleep.latency ?? null,
    },
    efficiency: percentToFraction(sleep.efficiency),
    utcOffsetMinutes: offset,
    // Oura files a late nap (after 6 pm) under the next day; every other session under its wake-up day.
    localDate: sleep.type === "late_nap" ? sleep.day : undefined,
  });
  const series = sleep.heart_rate;
  if (series && series.items.some((v) => v !== null)) {
    const t0 = Date.parse(series.timestamp);
    series.items.forEach((bpm, i) => b.sample("heart_rate", new Date(t0 + i * series.interval * 1000), bpm));
  } else {
    b.sample("heart_rate", end, sleep.average_heart_rate, { id: "heart_rate:night" });
  }
  // Oura has no resting HR in sleep: the night's minimum is its own metric.
  b.sample("lowest_heart_rate", end, sleep.lowest_heart_rate, { id: "lowest_heart_rate:night" });
  b.sample("hrv_rmssd", end, sleep.average_hrv, { id: "hrv_rmssd:night" });
  // Documented as per second, but the values (~15) are breaths per minute.
  b.sample("respiratory_rate", end, sleep.average_breath, { id: "respiratory_rate:night" });
  return b.batch;
}

/** Normalizes one Oura v2 document of the given collection. */
export function normalizeOura(payload: unknown, recordType: string): NormalizedBatch {
  if (!isOuraResource(recordType)) return emptyBatch();
  const message = `The Oura ${recordType} document does not have the documented shape.`;
  switch (recordType) {
    case "sleep":
      return normalizeSleep(parseValue(payload, OURA_RESOURCE_SCHEMAS.sleep, message));
    case "daily_sleep": {
      const doc = parseValue(payload, OURA_RESOURCE_SCHEMAS.daily_sleep, message);
      const b = new BatchBuilder({ source: "oura", idPrefix: `daily_sleep:${doc.id}`, utcOffsetMinutes: doc.timestamp ? offsetOfIso(doc.timestamp) : null });
      b.dailyTotal("sleep_score", doc.day, doc.score);
      return b.batch;
    }
    case "daily_readiness": {
      const doc = parseValue(payload, OURA_RESOURCE_SCHEMAS.daily_readiness, message);
      const b = new BatchBuilder({ source: "oura", idPrefix: `daily_readiness:${doc.id}`, utcOffsetMinutes: doc.timestamp ? offsetOfIso(doc.timestamp) : null });
      b.dailyTotal("readiness", doc.day, doc.score);
      b.dailyTotal("temperature_deviation", doc.day, doc.temperature_deviation);
      return b.batch;
    }
    case "daily_activity": {
      const doc = parseValue(payload, OURA_RESOURCE_SCHEMAS.daily_activity, message);
      const b = new BatchBuilder({ source: "oura", idPrefix: `daily_activity:${doc.id}`, utcOffsetMinutes: doc.timestamp ? offsetOfIso(doc.timestamp) : null });
      b.dailyTotal("steps", doc.day, doc.steps);
      b.dailyTotal("active_energy", doc.day, kcalToKj(doc.active_calories));
      b.dailyTotal("total_energy", doc.day, kcalToKj(doc.total_calories));
      const active = (doc.high_activity_time ?? 0) + (doc.medium_activity_time ?? 0);
      b.dailyTotal("active_duration", doc.day, doc.high_activity_time == null && doc.medium_activity_time == null ? null : active);
      b.dailyTotal("activity_score", doc.day, doc.score);
      return b.batch;
    }
    case "daily_spo2": {
      const doc = parseValue(payload, OURA_RESOURCE_SCHEMAS.daily_spo2, message);
      const b = new BatchBuilder({ source: "oura", idPrefix: `daily_spo2:${doc.id}` });
      b.dailyTotal("spo2", doc.day, percentToFraction(doc.spo2_percentage?.average));
      return b.batch;
    }
    case "heartrate": {
      const doc = parseValue(payload, OURA_RESOURCE_SCHEMAS.heartrate, message);
      const offset = offsetOfIso(doc.timestamp);
      const b = new BatchBuilder({ source: "oura", idPrefix: "heartrate", utcOffsetMinutes: offset === 0 ? null : offset });
      b.sample("heart_rate", new Date(doc.timestamp), doc.bpm);
      return b.batch;
    }
  }
}
