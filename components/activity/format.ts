import type { LoadZone } from "@/server/health/analytics/trends/load";

/* Words for the activity page (pure). */

export const LOAD_ZONE_TEXT: Record<LoadZone, { label: string; detail: string; tone: "good" | "warn" | "neutral" }> = {
  low: { label: "Lighter", detail: "Your last week was well under your four-week average load.", tone: "neutral" },
  balanced: { label: "Balanced", detail: "Your last week matches what your body is used to (0.8–1.3).", tone: "good" },
  high: { label: "Rising", detail: "Your last week was above your four-week average; keep recovery in mind.", tone: "warn" },
  very_high: { label: "Spike", detail: "A sharp rise over your four-week average; injury and illness risk climb above 1.5.", tone: "warn" },
};

/** "running" → "Running", "strength_training" → "Strength training"; a bare provider code → "Workout". */
export function activityLabel(type: string): string {
  const words = type.replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").trim();
  if (!words || /^\d+$/.test(words)) return "Workout";
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
