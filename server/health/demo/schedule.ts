/**
 * The demo user's routine: when they go to bed and get up (weekday alarm, later weekends, late
 * nights, jet lag), which workouts they do (a weekly training plan with a lighter fourth week and
 * little training while travelling) and when they walk.
 */
import { addDays } from "@/server/health/local-date";
import type { Rng } from "./prng";
import type { EffortPattern, Person } from "./physiology";
import { HOUR_MS, MINUTE_MS, instantAtLocal, isoWeekday, type ZonePlan } from "./timeline";

export type WorkoutKindId = "intervals" | "tempo" | "easy_run" | "long_run" | "long_ride" | "strength" | "yoga";

export interface WorkoutKind {
  id: WorkoutKindId;
  name: string;
  /** Terra ActivityType: 8 running, 16 road biking, 80 strength training, 100 yoga. */
  terraType: number;
  pattern: EffortPattern;
  /** Target as a fraction of heart-rate reserve. */
  reserve: number;
  minutes: readonly [number, number];
  stepsPerMinute: number;
  metersPerMinute: number;
}

export const WORKOUT_KINDS: Record<WorkoutKindId, WorkoutKind> = {
  intervals: { id: "intervals", name: "Interval run", terraType: 8, pattern: "intervals", reserve: 0.76, minutes: [50, 65], stepsPerMinute: 168, metersPerMinute: 205 },
  tempo: { id: "tempo", name: "Tempo run", terraType: 8, pattern: "steady", reserve: 0.72, minutes: [45, 60], stepsPerMinute: 166, metersPerMinute: 215 },
  easy_run: { id: "easy_run", name: "Easy run", terraType: 8, pattern: "steady", reserve: 0.55, minutes: [35, 55], stepsPerMinute: 160, metersPerMinute: 175 },
  long_run: { id: "long_run", name: "Long run", terraType: 8, pattern: "steady", reserve: 0.63, minutes: [80, 110], stepsPerMinute: 162, metersPerMinute: 185 },
  long_ride: { id: "long_ride", name: "Long ride", terraType: 16, pattern: "steady", reserve: 0.62, minutes: [100, 170], stepsPerMinute: 0, metersPerMinute: 470 },
  strength: { id: "strength", name: "Strength training", terraType: 80, pattern: "sets", reserve: 0.42, minutes: [45, 60], stepsPerMinute: 12, metersPerMinute: 0 },
  yoga: { id: "yoga", name: "Yoga", terraType: 100, pattern: "gentle", reserve: 0.22, minutes: [30, 45], stepsPerMinute: 2, metersPerMinute: 0 },
};

const HARD_KINDS: ReadonlySet<WorkoutKindId> = new Set(["intervals", "tempo", "long_run", "long_ride"]);

export interface NightPlan {
  /** The wake-up date: the local day the night belongs to. */
  wakeDate: string;
  timeZone: string;
  bed: Date;
  wake: Date;
  restless: boolean;
}

export interface PlannedWorkout {
  kind: WorkoutKind;
  start: Date;
  end: Date;
}

export interface WalkBout {
  start: Date;
  end: Date;
  stepsPerMinute: number;
}

export interface DayPlan {
  date: string;
  timeZone: string;
  workouts: PlannedWorkout[];
  walks: WalkBout[];
  /** Steps from pottering about, spread over the waking hours. */
  backgroundSteps: number;
  floors: number;
}

type Slot = "morning" | "evening";

function weeklyPlan(weekday: number): [WorkoutKindId, Slot, number][] {
  switch (weekday) {
    case 1:
      return [["easy_run", "evening", 0.2]];
    case 2:
      return [["intervals", "evening", 0.8]];
    case 3:
      return [
        ["easy_run", "morning", 0.25],
        ["strength", "evening", 0.6],
      ];
    case 4:
      return [["tempo", "evening", 0.7]];
    case 5:
      return [["yoga", "evening", 0.3]];
    case 6:
      return [["long_ride", "morning", 0.65]];
    default:
      return [
        ["easy_run", "morning", 0.6],
        ["yoga", "evening", 0.2],
      ];
  }
}

function planWorkouts(rng: Rng, zones: ZonePlan, date: string, dayIndex: number, wake: Date): PlannedWorkout[] {
  if (zones.isTravelDate(date)) return [];
  const zone = zones.zoneForDate(date);
  const weekday = isoWeekday(date);
  const freeDay = weekday >= 6 || zones.isAway(date);
  const deload = Math.floor(dayIndex / 7) % 4 === 3 ? 0.6 : 1;
  let entries = zones.isAway(date) ? ([["easy_run", "morning", 0.35]] as [WorkoutKindId, Slot, number][]) : weeklyPlan(weekday);
  if (weekday === 6 && !zones.isAway(date) && rng.chance(0.35)) entries = [["long_run", "morning", 0.6]];
  const workouts: PlannedWorkout[] = [];
  for (const [id, slot, probability] of entries) {
    if (!rng.chance(probability * deload)) continue;
    const kind = WORKOUT_KINDS[id];
    const minutes = rng.int(kind.minutes[0], kind.minutes[1]);
    let start: Date;
    if (slot === "evening") start = instantAtLocal(date, 18 * 60 + rng.uniform(0, 75), zone);
    else if (freeDay) start = instantAtLocal(date, 9 * 60 + 30 + rng.uniform(-30, 45), zone);
    else start = new Date(wake.getTime() + rng.uniform(15, 25) * MINUTE_MS);
    start = new Date(Math.max(start.getTime(), wake.getTime() + 15 * MINUTE_MS));
    workouts.push({ kind, start: floorToMinute(start), end: floorToMinute(new Date(start.getTime() + minutes * MINUTE_MS)) });
  }
  return workouts;
}

function floorToMinute(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS);
}

interface NightContext {
  previousWake: Date | null;
  eveningWorkouts: readonly PlannedWorkout[];
}

function planNight(rng: Rng, person: Person, zones: ZonePlan, wakeDate: string, context: NightContext): NightPlan {
  const eveningDate = addDays(wakeDate, -1);
  const timeZone = zones.zoneForNightEnding(wakeDate);
  const eveningWeekday = isoWeekday(eveningDate);
  const weekendEvening = eveningWeekday === 5 || eveningWeekday === 6;
  const away = zones.isAway(wakeDate) || zones.isAway(eveningDate);
  const freeMorning = isoWeekday(wakeDate) >= 6 || away;
  let bedMinutes = (weekendEvening ? 24 * 60 + 15 + rng.normal(0, 40) : 23 * 60 + rng.normal(0, 20)) + person.chronotypeMinutes;
  if (eveningWeekday === 7) bedMinutes -= 15;
  if (!weekendEvening && rng.chance(0.14)) bedMinutes += rng.uniform(60, 130);
  if (away) bedMinutes = 23 * 60 + 15 + rng.normal(0, 30);
  if (context.eveningWorkouts.some((w) => HARD_KINDS.has(w.kind.id))) bedMinutes += rng.uniform(10, 35);
  let wakeMinutes = freeMorning ? 8 * 60 + 30 + person.chronotypeMinutes + rng.normal(0, 35) : 6 * 60 + 45 + rng.normal(0, 8);
  if (away) wakeMinutes = 7 * 60 + 45 + rng.normal(0, 30);
  const jetLag = zones.jetLagHours(wakeDate);
  bedMinutes -= jetLag * 60;
  wakeMinutes -= jetLag * 60;

  let bed = instantAtLocal(eveningDate, bedMinutes, timeZone).getTime();
  const earliest = [context.previousWake ? context.previousWake.getTime() + 9 * HOUR_MS : 0, ...context.eveningWorkouts.map((w) => w.end.getTime() + 75 * MINUTE_MS)];
  for (const arrival of [zones.trip?.outboundArrival, zones.trip?.returnArrival]) {
    if (arrival && context.previousWake && arrival.getTime() > context.previousWake.getTime() && arrival.getTime() < bed + 6 * HOUR_MS) {
      earliest.push(arrival.getTime() + HOUR_MS);
    }
  }
  bed = Math.max(bed, ...earliest);
  let wake = instantAtLocal(wakeDate, wakeMinutes, timeZone).getTime();
  wake = Math.min(Math.max(wake, bed + 4.75 * HOUR_MS), bed + 10 * HOUR_MS);
  const inBedHours = (wake - bed) / HOUR_MS;
  const firstNightAway = zones.trip !== null && wakeDate === addDays(zones.trip.departDate, 1);
  return {
    wakeDate,
    timeZone,
    bed: floorToMinute(new Date(bed)),
    wake: floorToMinute(new Date(wake)),
    restless: inBedHours >= 6.5 && rng.chance(firstNightAway ? 0.6 : 0.08),
  };
}

function planWalks(rng: Rng, zones: ZonePlan, date: string, wake: Date, bed: Date, workouts: readonly PlannedWorkout[]): WalkBout[] {
  const zone = zones.zoneForDate(date);
  const at = (localMinutes: number) => instantAtLocal(date, localMinutes, zone);
  const afterWake = (minutes: number) => new Date(wake.getTime() + minutes * MINUTE_MS);
  const candidates: [Date, number][] = [];
  if (zones.isTravelDate(date)) {
    candidates.push([afterWake(rng.uniform(80, 100)), rng.uniform(15, 25)], [afterWake(rng.uniform(140, 170)), rng.uniform(15, 25)]);
  } else if (zones.isAway(date)) {
    for (const start of [9.5, 12, 14.5, 17]) candidates.push([at(start * 60 + rng.uniform(0, 40)), rng.uniform(30, 60)]);
  } else if (isoWeekday(date) >= 6) {
    if (rng.chance(0.65)) candidates.push([at(11 * 60 + rng.uniform(0, 300)), rng.uniform(40, 100)]);
    if (rng.chance(0.5)) candidates.push([at(17 * 60 + rng.uniform(0, 120)), rng.uniform(15, 30)]);
  } else {
    candidates.push([afterWake(rng.uniform(60, 85)), rng.uniform(15, 25)]);
    if (rng.chance(0.5)) candidates.push([at(12 * 60 + 30 + rng.uniform(0, 30)), rng.uniform(10, 25)]);
    candidates.push([at(17 * 60 + 15 + rng.uniform(0, 45)), rng.uniform(15, 25)]);
  }
  const busy = workouts.map((w) => [w.start.getTime() - 10 * MINUTE_MS, w.end.getTime() + 10 * MINUTE_MS] as const);
  const walks: WalkBout[] = [];
  for (const [rawStart, minutes] of candidates) {
    const start = floorToMinute(rawStart);
    const end = floorToMinute(new Date(start.getTime() + minutes * MINUTE_MS));
    const inside = start.getTime() >= wake.getTime() + 10 * MINUTE_MS && end.getTime() <= bed.getTime() - 30 * MINUTE_MS;
    const clash = [...busy, ...walks.map((w) => [w.start.getTime(), w.end.getTime()] as const)].some(([a, b]) => start.getTime() < b && end.getTime() > a);
    if (inside && !clash) walks.push({ start, end, stepsPerMinute: rng.uniform(95, 115) });
  }
  return walks.sort((a, b) => a.start.getTime() - b.start.getTime());
}

export interface Schedule {
  /** nights[i] ends on the morning of startDate + i; there is one more night than days. */
  nights: NightPlan[];
  days: DayPlan[];
}

export function planSchedule(rng: Rng, person: Person, zones: ZonePlan, startDate: string, days: number): Schedule {
  const nights: NightPlan[] = [planNight(rng.fork("night:0"), person, zones, startDate, { previousWake: null, eveningWorkouts: [] })];
  const dayPlans: DayPlan[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(startDate, i);
    const dayRng = rng.fork(`day:${date}`);
    const wake = nights[i]!.wake;
    const workouts = planWorkouts(dayRng, zones, date, i, wake);
    const next = planNight(rng.fork(`night:${i + 1}`), person, zones, addDays(date, 1), { previousWake: wake, eveningWorkouts: workouts });
    // An evening session that the bedtime cannot fit is dropped rather than squeezed.
    const fitting = workouts.filter((w) => w.end.getTime() <= next.bed.getTime() - 60 * MINUTE_MS);
    nights.push(next);
    dayPlans.push({
      date,
      timeZone: zones.zoneForDate(date),
      workouts: fitting,
      walks: planWalks(dayRng, zones, date, wake, next.bed, fitting),
      backgroundSteps: Math.round(dayRng.uniform(1800, 3400)),
      floors: dayRng.int(2, 14),
    });
  }
  return { nights, days: dayPlans };
}

export function isHardWorkout(kind: WorkoutKind): boolean {
  return HARD_KINDS.has(kind.id);
}
