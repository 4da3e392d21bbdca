import type { RecommendationStatus } from "@/server/health/analytics/types";

/** Recommendations shown per page of an action plan tab. */
export const PLAN_PAGE_SIZE = 10;

export const PLAN_TABS: { status: RecommendationStatus; label: string; empty: string }[] = [
  { status: "open", label: "To do", empty: "Nothing to do right now. New recommendations arrive with each sync, from your score, risks and patterns." },
  { status: "done", label: "Done", empty: "Nothing marked done yet. Mark a recommendation done when you have acted on it." },
  { status: "dismissed", label: "Dismissed", empty: "Nothing dismissed. Dismiss a recommendation that does not fit you; you can bring it back here." },
];

/** The tab a ?tab= value names, or the to-do tab. */
export function tabFrom(value: string | string[] | undefined): RecommendationStatus {
  return PLAN_TABS.find((tab) => tab.status === value)?.status ?? "open";
}
