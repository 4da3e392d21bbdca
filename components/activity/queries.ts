import type { DayRange } from "@/components/trends/range";

export const WORKOUTS_PAGE_SIZE = 10;

/** The queries of the activity page (the server page prefetches exactly these). */
export function activityInputs(range: DayRange) {
  return {
    steps: { metric: "steps", ...range, bucket: "day" },
    activeMinutes: { metric: "active_duration", ...range, bucket: "day" },
    activeEnergy: { metric: "active_energy", ...range, bucket: "day" },
    totalEnergy: { metric: "total_energy", ...range, bucket: "day" },
    load: range,
    workouts: { ...range, limit: WORKOUTS_PAGE_SIZE },
  } as const;
}
