import type { Database } from "@/db";
import { addDays } from "@/server/health/local-date";
import { PLANS, type PlanId } from "./catalog";
import { currentPlan } from "./subscriptions";
import { usageDay } from "./usage";

/** How far back a user may read: the first local date of their plan's history (null: all of it). */
export interface HistoryWindow {
  plan: PlanId;
  /** The first readable local date (YYYY-MM-DD), or null when the plan keeps all history. */
  start: string | null;
  historyDays: number | null;
}

/** The first local date `plan` lets a user read on their local day `today`. */
export function historyStartOn(plan: PlanId, today: string): string | null {
  const days = PLANS[plan].entitlements.historyDays;
  return days === null ? null : addDays(today, -(days - 1));
}

/** The user's history window now: their plan's history length counted back from their local today. */
export async function historyWindow(db: Database, userId: string, now = new Date()): Promise<HistoryWindow> {
  const plan = await currentPlan(db, userId);
  const start = historyStartOn(plan, await usageDay(db, userId, now));
  return { plan, start, historyDays: PLANS[plan].entitlements.historyDays };
}

/** The first readable local date of the user now (null: all of it). */
export async function historyStart(db: Database, userId: string, now = new Date()): Promise<string | null> {
  return (await historyWindow(db, userId, now)).start;
}

/**
 * The part of a range of local dates the window allows: `from` moves up to the window's start;
 * null when the range lies wholly before it (nothing of it may be read).
 */
export function clampRange<R extends { from: string; to: string }>(range: R, start: string | null): R | null {
  // A range that ends before it starts is left for the read's own check to refuse (a 400 naming `to`).
  if (start === null || range.from >= start || range.from > range.to) return range;
  return range.to < start ? null : { ...range, from: start };
}

/**
 * clampRange for reads that answer one shape for any range (charts, nights, load): a range wholly
 * before the window becomes the window's first day, so the answer stays inside the window.
 */
export function clampChartRange<R extends { from: string; to: string }>(range: R, start: string | null): R {
  return clampRange(range, start) ?? { ...range, from: start!, to: start! };
}

/** At most the whole weeks of the window that fit in it (for reads counted in weeks). */
export function clampWeeks(weeks: number, window: Pick<HistoryWindow, "historyDays">): number {
  return window.historyDays === null ? weeks : Math.max(1, Math.min(weeks, Math.floor(window.historyDays / 7)));
}
