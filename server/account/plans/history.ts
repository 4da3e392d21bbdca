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
 * The part of a range of local dates the window allows: `from` moves up to the window's start; a
 * range wholly before it shrinks to the start day (so range checks downstream still hold).
 */
export function clampRange<R extends { from: string; to: string }>(range: R, start: string | null): R {
  if (start === null || range.from >= start) return range;
  return { ...range, from: start, to: range.to < start ? start : range.to };
}

/** At most the whole weeks of the window that fit in it (for reads counted in weeks). */
export function clampWeeks(weeks: number, window: Pick<HistoryWindow, "historyDays">): number {
  return window.historyDays === null ? weeks : Math.max(1, Math.min(weeks, Math.floor(window.historyDays / 7)));
}
