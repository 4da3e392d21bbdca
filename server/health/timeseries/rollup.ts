import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { dailySummaries, providerDailyTotals, sleepSessions, workouts } from "@/db/schema";
import { addDays } from "../local-date";
import { DAILY_AGGREGATION, DEFAULT_SLEEP_NEED_SECONDS } from "../metrics";
import { providerRanking } from "./priority";
import { computeRolling, type DayValues } from "./rolling";
import { oneSessionPerNight } from "./sleep-nights";
import { dailyAggregates } from "./read";
import type { Metric } from "../types";

const UPSERT_CHUNK = 200;

/**
 * Recomputes the daily summaries of the given local days from every stored source, picking per
 * metric the highest-priority source that has data (the others stay stored, never counted twice),
 * then refreshes rolling averages and baselines of the following 28 days.
 */
export async function rollupDays(db: Database, userId: string, dates: Iterable<string>, opts: { sleepNeedSeconds?: number } = {}) {
  const days = [...new Set(dates)].sort();
  if (days.length === 0) return;
  const rank = await providerRanking(db, userId);

  const sampleRows = await dailyAggregates(db, userId, days);

  const totals = await db
    .select()
    .from(providerDailyTotals)
    .where(and(eq(providerDailyTotals.userId, userId), inArray(providerDailyTotals.localDate, days)));
  const sleeps = await db
    .select()
    .from(sleepSessions)
    .where(and(eq(sleepSessions.userId, userId), inArray(sleepSessions.localDate, days)));
  const workoutRows = await db
    .select({ localDate: workouts.localDate, source: workouts.source })
    .from(workouts)
    .where(and(eq(workouts.userId, userId), inArray(workouts.localDate, days)));

  const byDay = new Map<string, { values: Record<string, number>; sources: Record<string, string> }>();
  for (const day of days) byDay.set(day, { values: {}, sources: {} });

  // Per day and metric: candidates from provider totals and from samples.
  const candidates = new Map<string, Map<string, number>>();
  const put = (day: string, metric: string, source: string, value: number, preferExisting: boolean) => {
    const key = `${day}|${metric}`;
    let bySource = candidates.get(key);
    if (!bySource) candidates.set(key, (bySource = new Map()));
    if (preferExisting && bySource.has(source)) return;
    bySource.set(source, value);
  };
  // A provider's own daily total beats the sum of its intraday samples.
  for (const t of totals) put(t.localDate, t.metric, t.source, t.value, false);
  for (const a of sampleRows) {
    const kind = DAILY_AGGREGATION[a.metric as Metric] ?? "avg";
    put(a.localDate, a.metric, a.source, a[kind], true);
  }
  for (const [key, bySource] of candidates) {
    const [day, metric] = key.split("|") as [string, string];
    const winner = [...bySource.keys()].sort((a, b) => rank(a) - rank(b))[0];
    const entry = byDay.get(day);
    if (!winner || !entry) continue;
    entry.values[metric] = round(bySource.get(winner)!);
    entry.sources[metric] = winner;
  }

  // Sleep: the winning source's main sleep plus its naps, each night once (see oneSessionPerNight).
  const sleepBy = new Map<string, typeof sleeps>();
  for (const s of sleeps) {
    const key = `${s.localDate}|${s.source}`;
    sleepBy.set(key, [...(sleepBy.get(key) ?? []), s]);
  }
  for (const day of days) {
    const entry = byDay.get(day)!;
    const sources = [...new Set(sleeps.filter((s) => s.localDate === day).map((s) => s.source))].sort((a, b) => rank(a) - rank(b));
    const winner = sources[0];
    if (winner) {
      const sessions = sleepBy.get(`${day}|${winner}`) ?? [];
      Object.assign(entry.values, sleepValues(sessions));
      entry.sources.sleep = winner;
    }
    const dayWorkouts = workoutRows.filter((w) => w.localDate === day);
    if (dayWorkouts.length) {
      const best = [...new Set(dayWorkouts.map((w) => w.source))].sort((a, b) => rank(a) - rank(b))[0]!;
      entry.values.workouts = dayWorkouts.filter((w) => w.source === best).length;
      entry.sources.workouts = best;
    }
  }

  const empty = [...byDay].filter(([, e]) => Object.keys(e.values).length === 0).map(([day]) => day);
  if (empty.length) await db.delete(dailySummaries).where(and(eq(dailySummaries.userId, userId), inArray(dailySummaries.localDate, empty)));
  const filled = [...byDay].filter(([, e]) => Object.keys(e.values).length > 0);
  const computedAt = new Date();
  for (let i = 0; i < filled.length; i += UPSERT_CHUNK) {
    await db
      .insert(dailySummaries)
      .values(filled.slice(i, i + UPSERT_CHUNK).map(([day, e]) => ({ userId, localDate: day, values: e.values, sources: e.sources, computedAt })))
      .onConflictDoUpdate({
        target: [dailySummaries.userId, dailySummaries.localDate],
        set: { values: sql`excluded.values`, sources: sql`excluded.sources`, computedAt: sql`excluded.computed_at` },
      });
  }
  await refreshRolling(db, userId, days[0]!, addDays(days[days.length - 1]!, 28), opts.sleepNeedSeconds ?? DEFAULT_SLEEP_NEED_SECONDS);
}

function sleepValues(sessions: (typeof sleepSessions.$inferSelect)[]): Record<string, number> {
  const { main, naps } = oneSessionPerNight(sessions);
  const sum = (key: "inBedSeconds" | "asleepSeconds" | "awakeSeconds" | "lightSeconds" | "deepSeconds" | "remSeconds") =>
    main.reduce((acc, s) => acc + (s[key] ?? 0), 0);
  const out: Record<string, number> = {};
  if (main.length) {
    const inBed = sum("inBedSeconds") || main.reduce((acc, s) => acc + (s.endAt.getTime() - s.startAt.getTime()) / 1000, 0);
    const asleep = sum("asleepSeconds") || sum("lightSeconds") + sum("deepSeconds") + sum("remSeconds");
    out.sleep_in_bed_seconds = Math.round(inBed);
    out.sleep_asleep_seconds = Math.round(asleep);
    out.sleep_awake_seconds = sum("awakeSeconds");
    out.sleep_light_seconds = sum("lightSeconds");
    out.sleep_deep_seconds = sum("deepSeconds");
    out.sleep_rem_seconds = sum("remSeconds");
    if (inBed > 0 && asleep > 0) out.sleep_efficiency = round(Math.min(1, asleep / inBed));
    const first = main.reduce((a, b) => (a.startAt < b.startAt ? a : b));
    const last = main.reduce((a, b) => (a.endAt > b.endAt ? a : b));
    out.sleep_start_epoch = Math.round(first.startAt.getTime() / 1000);
    out.sleep_end_epoch = Math.round(last.endAt.getTime() / 1000);
  }
  if (naps.length) out.nap_seconds = naps.reduce((acc, s) => acc + (s.asleepSeconds ?? (s.endAt.getTime() - s.startAt.getTime()) / 1000), 0);
  return out;
}

/** Rewrites rolling averages, baselines and sleep debt for [from, to] from the stored values. */
async function refreshRolling(db: Database, userId: string, from: string, to: string, sleepNeedSeconds: number) {
  const rows = await db
    .select({ localDate: dailySummaries.localDate, values: dailySummaries.values, rolling: dailySummaries.rolling })
    .from(dailySummaries)
    .where(and(eq(dailySummaries.userId, userId), gte(dailySummaries.localDate, addDays(from, -90)), lte(dailySummaries.localDate, to)))
    .orderBy(asc(dailySummaries.localDate));
  const history: DayValues[] = rows.map((r) => ({ date: r.localDate, values: r.values }));
  const results = computeRolling(history, { from, to, sleepNeedSeconds });
  // Rows exist already: the upsert is a batched update of rolling stats and sleep debt.
  for (let i = 0; i < results.length; i += UPSERT_CHUNK) {
    await db
      .insert(dailySummaries)
      .values(results.slice(i, i + UPSERT_CHUNK).map((r) => ({ userId, localDate: r.date, values: r.values, rolling: r.rolling })))
      .onConflictDoUpdate({
        target: [dailySummaries.userId, dailySummaries.localDate],
        set: { values: sql`excluded.values`, rolling: sql`excluded.rolling` },
      });
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
