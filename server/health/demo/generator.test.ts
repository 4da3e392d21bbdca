import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { addDays } from "@/server/health/local-date";
import { demoWebhookSchema } from "@/server/health/providers/demo/adapter";
import { generateDemoDays, type DemoDay, type DemoOptions } from "./generator";
import type { TerraActivity, TerraBody, TerraDaily, TerraSleep, TerraWebhookBody } from "./terra-payloads";
import { isoWeekday } from "./timeline";

const OPTIONS: DemoOptions = { seed: "demo-seed-1", userRef: "user-123", startDate: "2024-01-01", days: 180, homeTimeZone: "Europe/Berlin" };
const HOUR = 3600;

let days: DemoDay[];
let generationMs: number;

interface Parsed {
  localDate: string;
  reason: string;
  deliverAt: Date;
  body: string;
}
let sleeps: (Parsed & { record: TerraSleep })[];
let dailies: (Parsed & { record: TerraDaily })[];
let activities: (Parsed & { record: TerraActivity })[];
let bodies: (Parsed & { record: TerraBody })[];

function recordsOf<T>(type: string): (Parsed & { record: T })[] {
  return days.flatMap((day) =>
    day.payloads
      .filter((p) => p.type === type)
      .map((p) => ({ localDate: day.localDate, reason: p.reason, deliverAt: p.deliverAt, body: p.body, record: (JSON.parse(p.body) as TerraWebhookBody).data[0] as T })),
  );
}

const originals = <T extends { reason: string }>(items: T[]) => items.filter((p) => p.reason === "original" || p.reason === "revision");
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const offsetOf = (iso: string) => iso.slice(19);
const localDateOf = (iso: string) => iso.slice(0, 10);
const durationMinutes = (a: { metadata: { start_time: string; end_time: string } }) => (Date.parse(a.metadata.end_time) - Date.parse(a.metadata.start_time)) / 60_000;

beforeAll(() => {
  const started = performance.now();
  days = generateDemoDays(OPTIONS);
  generationMs = performance.now() - started;
  sleeps = recordsOf<TerraSleep>("sleep");
  dailies = recordsOf<TerraDaily>("daily");
  activities = recordsOf<TerraActivity>("activity");
  bodies = recordsOf<TerraBody>("body");
});

describe("generateDemoDays", () => {
  it("generates 180 days within a few seconds", () => {
    expect(days).toHaveLength(180);
    expect(days[0]!.localDate).toBe("2024-01-01");
    expect(days.at(-1)!.localDate).toBe("2024-06-28");
    expect(generationMs).toBeLessThan(5000);
  });

  it("is deterministic for a seed and differs for another", () => {
    const again = generateDemoDays(OPTIONS);
    const fingerprint = (list: DemoDay[]) => list.flatMap((d) => d.payloads.map((p) => `${p.deliverAt.toISOString()}|${p.reason}|${p.body}`));
    expect(fingerprint(again)).toEqual(fingerprint(days));
    const other = generateDemoDays({ ...OPTIONS, seed: "demo-seed-2", days: 20 });
    expect(fingerprint(other).slice(0, 5)).not.toEqual(fingerprint(days).slice(0, 5));
  });

  it("produces bodies the demo provider's schema accepts, for the given user", () => {
    for (const day of days) {
      for (const payload of day.payloads) {
        const body = demoWebhookSchema.parse(JSON.parse(payload.body));
        expect(body.user).toMatchObject({ provider: "DEMO", reference_id: "user-123" });
      }
    }
    const userIds = new Set(days.flatMap((d) => d.payloads.map((p) => (JSON.parse(p.body) as TerraWebhookBody).user.user_id)));
    expect(userIds.size).toBe(1);
  });

  it("keeps heart rate, HRV and sleep within physiological ranges", () => {
    const heartRates = [
      ...sleeps.flatMap((s) => s.record.heart_rate_data.detailed.hr_samples.map((h) => h.bpm)),
      ...dailies.flatMap((d) => d.record.heart_rate_data.detailed.hr_samples.map((h) => h.bpm)),
      ...activities.map((a) => a.record.heart_rate_data.summary.max_hr_bpm),
    ];
    expect(heartRates.length).toBeGreaterThan(100_000);
    expect(heartRates.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(40);
    expect(heartRates.reduce((a, b) => Math.max(a, b))).toBeLessThanOrEqual(190);
    for (const { record } of sleeps) {
      const { asleep, awake, other, hypnogram_samples } = record.sleep_durations_data;
      const hrv = record.heart_rate_data;
      for (const value of [hrv.summary.avg_hrv_rmssd, ...hrv.detailed.hrv_samples_rmssd.map((s) => s.hrv_rmssd)]) {
        expect(value).toBeGreaterThanOrEqual(15);
        expect(value).toBeLessThanOrEqual(150);
      }
      expect(asleep.duration_asleep_state_seconds).toBeGreaterThanOrEqual(4 * HOUR);
      expect(asleep.duration_asleep_state_seconds).toBeLessThanOrEqual(10 * HOUR);
      const stages = asleep.duration_deep_sleep_state_seconds + asleep.duration_light_sleep_state_seconds + asleep.duration_REM_sleep_state_seconds;
      expect(stages).toBe(asleep.duration_asleep_state_seconds);
      expect(stages + awake.duration_awake_state_seconds).toBeLessThanOrEqual(other.duration_in_bed_seconds);
      expect(other.duration_in_bed_seconds).toBe((Date.parse(record.metadata.end_time) - Date.parse(record.metadata.start_time)) / 1000);
      expect(hypnogram_samples[0]!.timestamp).toBe(record.metadata.start_time);
      expect(new Set(hypnogram_samples.map((s) => s.level))).toEqual(new Set([1, 4, 5, 6]));
      const restingHr = record.heart_rate_data.summary.resting_hr_bpm;
      expect(restingHr).toBeGreaterThanOrEqual(42);
      expect(restingHr).toBeLessThanOrEqual(70);
    }
  });

  it("cycles sleep stages with deep sleep early and REM late", () => {
    let deepEarly = 0;
    let deepLate = 0;
    let remEarly = 0;
    let remLate = 0;
    for (const { record } of sleeps) {
      const start = Date.parse(record.metadata.start_time);
      const end = Date.parse(record.metadata.end_time);
      const third = (end - start) / 3;
      const samples = record.sleep_durations_data.hypnogram_samples;
      samples.forEach((s, i) => {
        const from = Date.parse(s.timestamp);
        const to = i + 1 < samples.length ? Date.parse(samples[i + 1]!.timestamp) : end;
        const early = Math.max(0, Math.min(to, start + third) - from);
        const late = Math.max(0, to - Math.max(from, end - third));
        if (s.level === 5) [deepEarly, deepLate] = [deepEarly + early, deepLate + late];
        if (s.level === 6) [remEarly, remLate] = [remEarly + early, remLate + late];
      });
      expect(record.sleep_durations_data.asleep.num_REM_events).toBeGreaterThanOrEqual(2);
    }
    expect(deepEarly).toBeGreaterThan(3 * deepLate);
    expect(remLate).toBeGreaterThan(2 * remEarly);
  });

  it("goes to bed later on Friday and Saturday nights", () => {
    const bedtimeMinutes = (iso: string) => {
      const minutes = Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
      return minutes < 12 * 60 ? minutes + 24 * 60 : minutes;
    };
    const home = originals(sleeps).filter((s) => !days.find((d) => d.localDate === s.localDate)!.truth.travelling);
    const weekend = home.filter((s) => [5, 6].includes(isoWeekday(addDays(s.localDate, -1)))).map((s) => bedtimeMinutes(s.record.metadata.start_time));
    const weekday = home.filter((s) => ![5, 6].includes(isoWeekday(addDays(s.localDate, -1)))).map((s) => bedtimeMinutes(s.record.metadata.start_time));
    expect(weekend.length).toBeGreaterThan(30);
    expect(mean(weekend) - mean(weekday)).toBeGreaterThan(30);
  });

  it("lowers HRV and raises resting heart rate after a hard workout and a short night, and recovers after rest", () => {
    const byDate = new Map<string, TerraActivity[]>();
    for (const a of originals(activities)) byDate.set(a.localDate, [...(byDate.get(a.localDate) ?? []), a.record]);
    const hard = (date: string) => (byDate.get(date) ?? []).some((a) => (durationMinutes(a) >= 40 && a.heart_rate_data.summary.avg_hr_bpm >= 138) || durationMinutes(a) >= 90);
    const rest = (date: string) => !byDate.has(date);
    const nights = sleeps.filter((s) => s.reason === "original").map((s) => ({
      date: s.localDate,
      hrv: s.record.heart_rate_data.summary.avg_hrv_rmssd,
      rhr: s.record.heart_rate_data.summary.resting_hr_bpm,
      asleepHours: s.record.sleep_durations_data.asleep.duration_asleep_state_seconds / HOUR,
    }));
    const strained = nights.filter((n) => hard(addDays(n.date, -1)) && n.asleepHours < 6.5);
    const rested = nights.filter((n) => rest(addDays(n.date, -1)) && rest(addDays(n.date, -2)) && n.asleepHours >= 7);
    expect(strained.length).toBeGreaterThanOrEqual(3);
    expect(rested.length).toBeGreaterThanOrEqual(5);
    expect(mean(strained.map((n) => n.hrv))).toBeLessThan(0.85 * mean(rested.map((n) => n.hrv)));
    expect(mean(strained.map((n) => n.rhr))).toBeGreaterThan(mean(rested.map((n) => n.rhr)) + 1);
  });

  it("walks more on workout days and peaks heart rate during workouts", () => {
    const workoutDates = new Set(activities.map((a) => a.localDate));
    const finalDailies = dailies.filter((d) => d.reason === "original");
    const withWorkout = finalDailies.filter((d) => workoutDates.has(d.localDate)).map((d) => d.record.distance_data.steps);
    const without = finalDailies.filter((d) => !workoutDates.has(d.localDate)).map((d) => d.record.distance_data.steps);
    expect(mean(withWorkout)).toBeGreaterThan(mean(without) + 2000);
    const dailyAverage = mean(finalDailies.map((d) => d.record.heart_rate_data.summary.avg_hr_bpm ?? 0));
    expect(mean(activities.map((a) => a.record.heart_rate_data.summary.max_hr_bpm))).toBeGreaterThan(dailyAverage + 40);
  });

  it("has a circadian heart rate: lower asleep than awake, higher in the afternoon than in the late evening", () => {
    const asleep = mean(sleeps.flatMap((s) => s.record.heart_rate_data.detailed.hr_samples.map((h) => h.bpm)));
    const samples = dailies.filter((d) => d.reason === "original").flatMap((d) => d.record.heart_rate_data.detailed.hr_samples);
    const at = (fromHour: number, toHour: number) => samples.filter((s) => Number(s.timestamp.slice(11, 13)) >= fromHour && Number(s.timestamp.slice(11, 13)) < toHour).map((s) => s.bpm);
    expect(mean(at(14, 17))).toBeGreaterThan(asleep + 10);
    expect(mean(at(14, 17))).toBeGreaterThan(mean(at(21, 23)));
    // Minute resolution by default: a waking day has hundreds of samples.
    expect(Math.max(...dailies.map((d) => d.record.heart_rate_data.detailed.hr_samples.length))).toBeGreaterThan(800);
  });

  it("writes local midnights for each day and follows the offset through the trip and the DST switch", () => {
    for (const { record } of dailies) {
      expect(record.metadata.start_time.slice(10, 19)).toBe("T00:00:00");
      expect(record.metadata.end_time.slice(10, 19)).toBe("T00:00:00");
      expect(localDateOf(record.metadata.end_time)).toBe(addDays(localDateOf(record.metadata.start_time), 1));
    }
    const offsets = new Set(sleeps.map((s) => offsetOf(s.record.metadata.end_time)));
    expect(offsets).toContain("+01:00");
    expect(offsets).toContain("+02:00");
    const tripOffsets = [...offsets].filter((o) => o !== "+01:00" && o !== "+02:00");
    expect(tripOffsets.length).toBeGreaterThanOrEqual(1);
    const travelling = days.filter((d) => d.truth.travelling);
    expect(travelling.length).toBe(8);
    expect(new Set(travelling.map((d) => d.timeZone)).size).toBe(2);
    const awayDaily = dailies.find((d) => d.localDate === travelling[3]!.localDate)!;
    expect(tripOffsets).toContain(offsetOf(awayDaily.record.metadata.start_time));

    const dstNight = sleeps.find((s) => offsetOf(s.record.metadata.start_time) !== offsetOf(s.record.metadata.end_time) && !travelling.some((d) => d.localDate === s.localDate));
    expect(dstNight?.localDate).toBe("2024-03-31");
    expect(localDateOf(dstNight!.record.metadata.end_time)).toBe("2024-03-31");
    const dstDay = dailies.find((d) => d.localDate === "2024-03-31" && d.reason === "original")!;
    expect(offsetOf(dstDay.record.metadata.start_time)).toBe("+01:00");
    expect(offsetOf(dstDay.record.metadata.end_time)).toBe("+02:00");
  });

  it("assigns each record to the local day it reports", () => {
    for (const s of sleeps) expect(localDateOf(s.record.metadata.end_time)).toBe(s.localDate);
    for (const d of dailies) expect(localDateOf(d.record.metadata.start_time)).toBe(d.localDate);
    for (const b of bodies) expect(localDateOf(b.record.measurements_data.measurements[0]!.measurement_time)).toBe(b.localDate);
  });

  it("leaves gaps: single nights and a stretch of days without the ring", () => {
    const missingNights = days.filter((d) => !d.truth.nightWorn && d.truth.dayWorn);
    expect(missingNights.length).toBeGreaterThanOrEqual(1);
    for (const d of missingNights) expect(d.payloads.some((p) => p.type === "sleep")).toBe(false);
    const dailyDates = new Set(dailies.map((d) => d.localDate));
    const noDaily = days.filter((d) => !dailyDates.has(d.localDate)).map((d) => d.localDate);
    expect(noDaily.length).toBe(3);
    expect(noDaily[2]).toBe(addDays(noDaily[0]!, 2));
    const gapDay = days.find((d) => d.localDate === noDaily[1])!;
    expect(gapDay.payloads.every((p) => p.type === "body")).toBe(true);
  });

  it("re-delivers some payloads byte for byte and revises one sleep record", () => {
    const duplicates = days.flatMap((d) => d.payloads.filter((p) => p.reason === "duplicate"));
    expect(duplicates.length).toBeGreaterThanOrEqual(3);
    for (const duplicate of duplicates) {
      const original = days.flatMap((d) => d.payloads).find((p) => p.body === duplicate.body && p.reason !== "duplicate");
      expect(original).toBeDefined();
      expect(duplicate.deliverAt.getTime()).toBeGreaterThan(original!.deliverAt.getTime());
    }

    const revision = sleeps.filter((s) => s.reason === "revision");
    expect(revision).toHaveLength(1);
    const revised = revision[0]!;
    const first = sleeps.find((s) => s.reason === "original" && s.record.metadata.summary_id === revised.record.metadata.summary_id)!;
    expect(first.record.metadata.upload_type).toBe(3);
    expect(revised.record.metadata.upload_type).toBe(2);
    expect(revised.deliverAt.getTime() - first.deliverAt.getTime()).toBeGreaterThan(12 * HOUR * 1000);
    expect(revised.record.metadata.start_time).toBe(first.record.metadata.start_time);
    expect(revised.record.sleep_durations_data.asleep.duration_deep_sleep_state_seconds).toBeGreaterThan(first.record.sleep_durations_data.asleep.duration_deep_sleep_state_seconds);
    expect(revised.record.sleep_durations_data.asleep.duration_asleep_state_seconds).toBe(first.record.sleep_durations_data.asleep.duration_asleep_state_seconds);
  });

  it("sends some daily summaries early with partial totals, then the final one", () => {
    const partials = dailies.filter((d) => d.reason === "intraday");
    expect(partials.length).toBeGreaterThanOrEqual(5);
    for (const partial of partials) {
      const final = dailies.find((d) => d.reason === "original" && d.localDate === partial.localDate)!;
      expect(final.record.metadata).toEqual(partial.record.metadata);
      expect(partial.record.distance_data.steps).toBeLessThanOrEqual(final.record.distance_data.steps);
      expect(partial.record.calories_data.BMR_calories).toBeLessThan(final.record.calories_data.BMR_calories);
      expect(partial.record.heart_rate_data.detailed.hr_samples.length).toBeLessThan(final.record.heart_rate_data.detailed.hr_samples.length);
      expect(partial.deliverAt.getTime()).toBeLessThan(final.deliverAt.getTime());
    }
  });

  it("weighs in on some mornings with plausible values", () => {
    expect(bodies.length).toBeGreaterThan(40);
    for (const { record } of bodies) {
      const m = record.measurements_data.measurements[0]!;
      expect(m.weight_kg).toBeGreaterThan(55);
      expect(m.weight_kg).toBeLessThan(95);
      expect(m.bodyfat_percentage).toBeGreaterThan(8);
      expect(m.bodyfat_percentage).toBeLessThan(30);
    }
  });

  it("honours hrResolutionMinutes and the switches for noise", () => {
    const coarse = generateDemoDays({ ...OPTIONS, days: 14, hrResolutionMinutes: 5, trip: false, missingNightRate: 0, duplicateRate: 0, intradayDailyRate: 0, revision: false });
    const fine = generateDemoDays({ ...OPTIONS, days: 14, trip: false, missingNightRate: 0, duplicateRate: 0, intradayDailyRate: 0, revision: false });
    const sampleCount = (list: DemoDay[]) =>
      list.flatMap((d) => d.payloads.filter((p) => p.type === "daily")).reduce((n, p) => n + ((JSON.parse(p.body) as TerraWebhookBody<"daily">).data[0]!.heart_rate_data.detailed.hr_samples.length), 0);
    expect(sampleCount(coarse)).toBeGreaterThan(0);
    expect(Math.abs(sampleCount(fine) / sampleCount(coarse) - 5)).toBeLessThan(0.1);
    for (const list of [coarse, fine]) {
      const payloads = list.flatMap((d) => d.payloads);
      expect(payloads.every((p) => p.reason === "original")).toBe(true);
      expect(list.filter((d) => d.payloads.some((p) => p.type === "sleep"))).toHaveLength(14);
    }
  });

  it("rejects bad options with zod errors", () => {
    expect(() => generateDemoDays({ ...OPTIONS, homeTimeZone: "Mars/Olympus_Mons" })).toThrow(ZodError);
    expect(() => generateDemoDays({ ...OPTIONS, startDate: "2024-02-30" })).toThrow(ZodError);
    expect(() => generateDemoDays({ ...OPTIONS, days: 0 })).toThrow(ZodError);
  });
});
