import type { RecommendationView } from "@/server/health/analytics/insights/schemas";
import type { RecommendationStatus } from "@/server/health/analytics/types";
import type { SyncRow } from "@/server/sync/protocol";

/** A recommendation as the cards show it, from this device's copy of its row (SQL column names). */
export function recommendationOf(row: SyncRow): RecommendationView {
  const changed = row.status_changed_at;
  return {
    id: String(row.id),
    localDate: String(row.local_date),
    title: String(row.title),
    body: String(row.body),
    narrative: typeof row.narrative === "string" ? row.narrative : null,
    expectedImpact: row.expected_impact as RecommendationView["expectedImpact"],
    priority: Number(row.priority),
    basis: Array.isArray(row.basis) ? (row.basis as RecommendationView["basis"]) : [],
    status: row.status as RecommendationStatus,
    statusChangedAt: typeof changed === "string" ? new Date(changed) : null,
  };
}

/** Newest day first, then by priority, then by id (the server's order). */
const planOrder = (a: RecommendationView, b: RecommendationView) =>
  a.localDate !== b.localDate ? (a.localDate < b.localDate ? 1 : -1) : a.priority !== b.priority ? a.priority - b.priority : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The action plan per status, in order, and how many each holds. */
export function planOf(rows: readonly SyncRow[]): { lists: Record<RecommendationStatus, RecommendationView[]>; counts: Record<RecommendationStatus, number> } {
  const lists: Record<RecommendationStatus, RecommendationView[]> = { open: [], done: [], dismissed: [] };
  for (const row of rows) {
    const view = recommendationOf(row);
    lists[view.status]?.push(view);
  }
  for (const list of Object.values(lists)) list.sort(planOrder);
  return { lists, counts: { open: lists.open.length, done: lists.done.length, dismissed: lists.dismissed.length } };
}
