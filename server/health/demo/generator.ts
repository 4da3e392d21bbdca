/**
 * The demo provider's data: a seeded, deterministic simulation of one person wearing a ring (and
 * stepping on a scale), delivered as Terra-shaped webhook payloads day by day. Includes the messy
 * parts real integrations see: a trip across time zones, DST nights, nights and days without data,
 * daily totals re-sent during the day, duplicate deliveries and one revised sleep record.
 */
import { z } from "zod";
import { addDays } from "@/server/health/local-date";
import { isValidTimeZone } from "@/server/account/profile/inputs";
import { dailyRecord } from "./daily-record";
import { activityRecord, activityTotals, heartRateSamples, simulateDay } from "./day-simulation";
import { buildSleepRecord, simulateNight } from "./night-simulation";
import { Rng } from "./prng";
import { basalKcalPerDay, createPerson, initialRecovery, round1 } from "./physiology";
import { isHardWorkout, planSchedule } from "./schedule";
import { provisionalScoring } from "./sleep-architecture";
import {
  DEMO_PROVIDER_NAME,
  DEMO_SCALE,
  DEMO_SCOPES,
  SLEEP_UPLOAD_TENTATIVE,
  webhookBody,
  type TerraDataByType,
  type TerraDataType,
  type TerraHrSample,
  type TerraUserRef,
} from "./terra-payloads";
import { HOUR_MS, MINUTE_MS, ZonePlan, instantAtLocal, planTrip } from "./timeline";
import { planWear } from "./wear";

const timeZone = z.string().refine(isValidTimeZone, { message: "Unknown IANA time zone" });

export const demoOptionsSchema = z.object({
  seed: z.union([z.string().min(1), z.number().int()]),
  /** Terra's `reference_id`: the BioSync user the connection belongs to. */
  userRef: z.string().min(1).max(200),
  /** Terra's `user.user_id`; derived from seed and userRef when absent. */
  providerUserId: z.string().min(1).max(200).optional(),
  /** First local date; its night is the one that ends that morning. */
  startDate: z.iso.date(),
  days: z.number().int().min(1).max(3660),
  homeTimeZone: timeZone,
  /** Spacing of daytime heart-rate samples (each the mean of its block). */
  hrResolutionMinutes: z.number().int().min(1).max(60).default(1),
  trip: z
    .union([
      z.literal(false),
      z.object({ startDayIndex: z.number().int().min(0).optional(), nights: z.number().int().min(1).max(60).optional(), timeZone: timeZone.optional() }),
    ])
    .optional(),
  /** Share of nights the ring is not worn (no sleep record). */
  missingNightRate: z.number().min(0).max(1).default(0.03),
  /** One stretch of this many days with nothing from the ring (only with 30 days or more). */
  gapDays: z.number().int().min(0).max(30).default(3),
  /** Share of deliveries sent twice. */
  duplicateRate: z.number().min(0).max(1).default(0.03),
  /** Share of days whose daily summary is also sent early in the afternoon with partial totals. */
  intradayDailyRate: z.number().min(0).max(1).default(0.12),
  /** Send one sleep record first as tentative and later again, corrected, under the same summary_id. */
  revision: z.boolean().default(true),
});

export type DemoOptions = z.input<typeof demoOptionsSchema>;

export type DemoDeliveryReason = "original" | "duplicate" | "revision" | "intraday";

export interface DemoPayload {
  type: TerraDataType;
  /** Terra's identity of the record: summary_id for sleep and activity, `start_time/end_time` for daily and body. */
  recordKey: string;
  /** When the provider would have sent it; deliveries are ordered by this. */
  deliverAt: Date;
  reason: DemoDeliveryReason;
  /** The exact JSON to POST. */
  body: string;
}

/** What was simulated, whether or not a payload carried it: for tests, debugging and the seed report. */
export interface DemoDayTruth {
  nightWorn: boolean;
  dayWorn: boolean;
  bedtime: string;
  wakeTime: string;
  inBedSeconds: number;
  asleepSeconds: number;
  hrvRmssd: number;
  restingHr: number;
  trainingLoad: number;
  hardWorkout: boolean;
  workouts: number;
  steps: number;
  travelling: boolean;
}

export interface DemoDay {
  localDate: string;
  timeZone: string;
  payloads: DemoPayload[];
  truth: DemoDayTruth;
}

function localDateOf(sample: TerraHrSample): string {
  return sample.timestamp.slice(0, 10);
}

function afterMinutes(rng: Rng, from: Date, min: number, max: number): Date {
  return new Date(from.getTime() + Math.round(rng.uniform(min, max) * 60) * 1000);
}

export function generateDemoDays(input: DemoOptions): DemoDay[] {
  const options = demoOptionsSchema.parse(input);
  const rng = new Rng(String(options.seed));
  const person = createPerson(rng.fork("person"));
  const trip = options.trip === false ? null : planTrip(rng.fork("trip"), options.startDate, options.days, options.homeTimeZone, options.trip ?? {});
  const zones = new ZonePlan(options.homeTimeZone, trip);
  const schedule = planSchedule(rng.fork("schedule"), person, zones, options.startDate, options.days);
  const wear = planWear(rng.fork("wear"), options, zones);
  const providerUserId = options.providerUserId ?? new Rng(`${options.seed}|${options.userRef}`).uuid();
  const user: Omit<TerraUserRef, "last_webhook_update"> = { user_id: providerUserId, provider: DEMO_PROVIDER_NAME, reference_id: options.userRef, scopes: DEMO_SCOPES, active: true };
  const idPrefix = providerUserId.replace(/[^a-z0-9]/gi, "").slice(0, 12);
  const recovery = initialRecovery();
  const samplesByDate = new Map<string, TerraHrSample[]>();
  let previousDayLoad = 0.4;
  let weightKg = person.baseWeightKg;
  const days: DemoDay[] = [];

  for (let i = 0; i < options.days; i++) {
    const date = addDays(options.startDate, i);
    const dayRng = rng.fork(`deliveries:${date}`);
    const plan = schedule.days[i]!;
    const nightPlan = schedule.nights[i]!;
    const nextNight = schedule.nights[i + 1]!;
    const night = simulateNight({ plan: nightPlan, person, recovery, previousDayLoad, jetLagHours: zones.jetLagHours(date), rng: rng.fork(`night:${date}`) });
    const day = simulateDay({ plan, wake: nightPlan.wake, bed: nextNight.bed, restingHr: night.physiology.restingHr, person, zones, rng: rng.fork(`day:${date}`) });
    previousDayLoad = day.load;
    for (const { sample } of heartRateSamples(day, zones, options.hrResolutionMinutes)) {
      const bucket = samplesByDate.get(localDateOf(sample));
      if (bucket) bucket.push(sample);
      else samplesByDate.set(localDateOf(sample), [sample]);
    }
    const samples = samplesByDate.get(date) ?? [];
    samplesByDate.delete(date);

    const payloads: DemoPayload[] = [];
    const emit = <T extends TerraDataType>(type: T, record: TerraDataByType[T], recordKey: string, deliverAt: Date, reason: DemoDeliveryReason) =>
      payloads.push({ type, recordKey, deliverAt, reason, body: JSON.stringify(webhookBody(type, user, record, deliverAt)) });

    const nightWorn = wear.nightWorn[i]!;
    const dayWorn = wear.dayWorn[i]!;
    if (nightWorn) {
      const summaryId = `${idPrefix}-sleep-${date}`;
      const sentAt = afterMinutes(dayRng, nightPlan.wake, 10, 90);
      if (wear.revisionIndex === i) {
        const provisional = provisionalScoring(night.segments, dayRng);
        emit("sleep", buildSleepRecord({ night, segments: provisional, summaryId, uploadType: SLEEP_UPLOAD_TENTATIVE, zones }), summaryId, sentAt, "original");
        const revisedAt = new Date(sentAt.getTime() + dayRng.uniform(20, 30) * HOUR_MS);
        emit("sleep", buildSleepRecord({ night, segments: night.segments, summaryId, zones }), summaryId, revisedAt, "revision");
      } else {
        emit("sleep", buildSleepRecord({ night, segments: night.segments, summaryId, zones }), summaryId, sentAt, "original");
      }
    }

    const dayStart = instantAtLocal(date, 0, plan.timeZone);
    const dayEnd = instantAtLocal(addDays(date, 1), 0, plan.timeZone);
    if (dayWorn) {
      const basal = basalKcalPerDay(person, weightKg);
      day.workouts.forEach((workout, n) => {
        const summaryId = `${idPrefix}-activity-${date}-${n + 1}`;
        emit("activity", activityRecord(workout, summaryId, night.physiology.restingHr, basal, zones), summaryId, afterMinutes(dayRng, workout.planned.end, 5, 40), "original");
      });
      const recordKey = `${zones.formatIn(dayStart, plan.timeZone)}/${zones.formatIn(dayEnd, plan.timeZone)}`;
      const dailyInput = { day, night, nightWorn, dayStart, dayEnd, person, weightKg, zones };
      if (dayRng.chance(options.intradayDailyRate)) {
        const cutoff = instantAtLocal(date, 14 * 60 + dayRng.uniform(0, 120), plan.timeZone);
        if (cutoff.getTime() > nightPlan.wake.getTime() + 2 * HOUR_MS && cutoff.getTime() < nextNight.bed.getTime()) {
          const partial = samples.filter((s) => Date.parse(s.timestamp) < cutoff.getTime());
          emit("daily", dailyRecord({ ...dailyInput, samples: partial, cutoff }), recordKey, afterMinutes(dayRng, cutoff, 2, 15), "intraday");
        }
      }
      emit("daily", dailyRecord({ ...dailyInput, samples, cutoff: dayEnd }), recordKey, afterMinutes(dayRng, nextNight.wake, 5, 40), "original");
    }

    weightKg += dayRng.normal(0, 0.04) + 0.02 * (person.baseWeightKg - weightKg) + (zones.isAway(date) ? 0.08 : 0);
    if (!zones.isAway(date) && !zones.isTravelDate(date) && dayRng.chance(0.45)) {
      const measuredAt = afterMinutes(dayRng, nightPlan.wake, 5, 20);
      const weight = round1(weightKg + dayRng.normal(0, 0.3));
      const measurement = {
        measurement_time: zones.format(measuredAt),
        weight_kg: weight,
        bodyfat_percentage: round1(person.baseBodyFatPercent + 0.6 * (weight - person.baseWeightKg) + dayRng.normal(0, 0.4)),
        BMI: round1(weight / (person.heightCm / 100) ** 2),
        height_cm: person.heightCm,
      };
      const metadata = { start_time: zones.formatIn(dayStart, plan.timeZone), end_time: zones.formatIn(dayEnd, plan.timeZone), timestamp_localization: 1 };
      const record = { metadata, measurements_data: { measurements: [measurement] }, device_data: DEMO_SCALE };
      emit("body", record, `${record.metadata.start_time}/${record.metadata.end_time}`, afterMinutes(dayRng, measuredAt, 1, 10), "original");
    }

    const totals = activityTotals(day, dayEnd);
    days.push({
      localDate: date,
      timeZone: plan.timeZone,
      payloads,
      truth: {
        nightWorn,
        dayWorn,
        bedtime: zones.format(nightPlan.bed),
        wakeTime: zones.format(nightPlan.wake),
        inBedSeconds: (nightPlan.wake.getTime() - nightPlan.bed.getTime()) / 1000,
        asleepSeconds: night.asleepSeconds,
        hrvRmssd: night.avgHrv,
        restingHr: Math.round(night.physiology.restingHr),
        trainingLoad: Math.round(day.load * 100) / 100,
        hardWorkout: day.workouts.some((w) => isHardWorkout(w.planned.kind)),
        workouts: day.workouts.length,
        steps: totals.steps,
        travelling: zones.isTravelDate(date) || zones.isAway(date),
      },
    });
  }
  addDuplicates(rng.fork("duplicates"), days, options.duplicateRate);
  for (const day of days) day.payloads.sort((a, b) => a.deliverAt.getTime() - b.deliverAt.getTime());
  return days;
}

/** Re-sends some payloads byte for byte a little later, as a provider retrying a delivery would. */
function addDuplicates(rng: Rng, days: DemoDay[], rate: number): void {
  if (rate <= 0) return;
  let added = 0;
  for (const day of days) {
    const copies = day.payloads
      .filter((p) => p.reason !== "revision" && rng.chance(rate))
      .map((p): DemoPayload => ({ ...p, reason: "duplicate", deliverAt: new Date(p.deliverAt.getTime() + rng.uniform(0.5, 10) * MINUTE_MS) }));
    day.payloads.push(...copies);
    added += copies.length;
  }
  const first = days.find((d) => d.payloads.length > 0)?.payloads[0];
  if (added === 0 && first) days.find((d) => d.payloads.includes(first))!.payloads.push({ ...first, reason: "duplicate", deliverAt: new Date(first.deliverAt.getTime() + MINUTE_MS) });
}

export { buildDemoDeliveries, signDemoWebhook, DEMO_SIGNATURE_HEADER, type DemoDelivery } from "./deliveries";
