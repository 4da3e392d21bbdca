import { sampleStandardDeviation } from "simple-statistics";
import { addDays, zoneOffsetMinutes } from "../../local-date";
import { oneSessionPerNight, type SleepSessionLike } from "../../timeseries/sleep-nights";

/*
 * Nights for the sleep page (pure): per wake-up day the main sleep of the highest-priority source
 * (naps left out, a night recorded twice counted once, see oneSessionPerNight), with its stages,
 * efficiency, latency, the sleep debt of the day and the regularity of the nights before it.
 */

export interface NightSession extends SleepSessionLike {
  source: string;
  localDate: string;
  utcOffsetMinutes: number | null;
  inBedSeconds: number | null;
  awakeSeconds: number | null;
  latencySeconds: number | null;
  efficiency: number | null;
  stages: { stage: string; start: string; end: string }[];
}

export interface Night {
  /** The wake-up day. */
  date: string;
  source: string;
  start: Date;
  end: Date;
  /** The offset of the local clock the night was slept on (the record's, else the user's zone at bedtime). */
  utcOffsetMinutes: number;
  inBedSeconds: number;
  asleepSeconds: number;
  awakeSeconds: number | null;
  lightSeconds: number | null;
  deepSeconds: number | null;
  remSeconds: number | null;
  latencySeconds: number | null;
  /** Asleep / in bed, 0–1 (the provider's figure when it gives one). */
  efficiency: number | null;
  /** Local clock time halfway through the night, minutes from midnight (−90 is 22:30, 210 is 03:30). */
  midpointMinutes: number;
  /** SD of the midpoint over the nights of the 14 days ending on this one (≥ 5 nights), minutes. */
  regularityMinutes: number | null;
  /** The day's sleep debt (last 7 nights against the need), when the rollup computed one. */
  debtSeconds: number | null;
  stages: { stage: string; start: string; end: string }[];
}

export const REGULARITY_WINDOW_DAYS = 14;
export const REGULARITY_MIN_NIGHTS = 5;

const MINUTES_PER_DAY = 1440;

/** Minutes from local midnight of an instant, folded into [−720, 720): noon to noon around the night. */
export function clockMinutes(instant: Date, offsetMinutes: number): number {
  const minutes = (((Math.floor(instant.getTime() / 60_000) + offsetMinutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return minutes >= 720 ? minutes - MINUTES_PER_DAY : minutes;
}

const sum = (values: (number | null)[]) => (values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null);

function nightOf(date: string, sessions: NightSession[], timeZone: string, debtSeconds: number | null): Night {
  const first = sessions[0]!;
  const start = first.startAt;
  const end = sessions.reduce((a, s) => (s.endAt > a ? s.endAt : a), first.endAt);
  const offset = first.utcOffsetMinutes ?? zoneOffsetMinutes(start, timeZone);
  const light = sum(sessions.map((s) => s.lightSeconds));
  const deep = sum(sessions.map((s) => s.deepSeconds));
  const rem = sum(sessions.map((s) => s.remSeconds));
  const inBed = sum(sessions.map((s) => s.inBedSeconds)) || sessions.reduce((a, s) => a + (s.endAt.getTime() - s.startAt.getTime()) / 1000, 0);
  const asleep = sum(sessions.map((s) => s.asleepSeconds)) || (light ?? 0) + (deep ?? 0) + (rem ?? 0);
  const efficiency = sessions.length === 1 && first.efficiency !== null ? first.efficiency : inBed > 0 && asleep > 0 ? Math.min(1, asleep / inBed) : null;
  return {
    date,
    source: first.source,
    start,
    end,
    utcOffsetMinutes: offset,
    inBedSeconds: Math.round(inBed),
    asleepSeconds: Math.round(asleep),
    awakeSeconds: sum(sessions.map((s) => s.awakeSeconds)),
    lightSeconds: light,
    deepSeconds: deep,
    remSeconds: rem,
    latencySeconds: first.latencySeconds,
    efficiency: efficiency === null ? null : Math.round(efficiency * 1000) / 1000,
    midpointMinutes: clockMinutes(new Date((start.getTime() + end.getTime()) / 2), offset),
    regularityMinutes: null,
    debtSeconds,
    stages: sessions.flatMap((s) => s.stages).sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
  };
}

/** One night per wake-up day with sleep, oldest first; `rank` orders sources (lower wins). */
export function nightsFrom(
  sessions: readonly NightSession[],
  opts: { rank: (source: string) => number; timeZone: string; debtByDate: ReadonlyMap<string, number> },
): Night[] {
  const byDay = new Map<string, NightSession[]>();
  for (const s of sessions) if (!s.isNap) byDay.set(s.localDate, [...(byDay.get(s.localDate) ?? []), s]);
  const nights: Night[] = [];
  for (const date of [...byDay.keys()].sort()) {
    const day = byDay.get(date)!;
    const winner = [...new Set(day.map((s) => s.source))].sort((a, b) => opts.rank(a) - opts.rank(b) || (a < b ? -1 : 1))[0]!;
    const { main } = oneSessionPerNight(day.filter((s) => s.source === winner));
    nights.push(nightOf(date, main, opts.timeZone, opts.debtByDate.get(date) ?? null));
  }
  return withRegularity(nights);
}

/** Fills regularityMinutes: the SD of the midpoints of the nights in the 14 days ending on each night. */
export function withRegularity(nights: Night[]): Night[] {
  return nights.map((night) => {
    const since = addDays(night.date, -(REGULARITY_WINDOW_DAYS - 1));
    const window = nights.filter((n) => n.date >= since && n.date <= night.date).map((n) => n.midpointMinutes);
    const sd = window.length >= REGULARITY_MIN_NIGHTS ? sampleStandardDeviation(window) : null;
    return { ...night, regularityMinutes: sd === null ? null : Math.round(sd * 10) / 10 };
  });
}
