import type { DayRange } from "@/components/trends/range";

export interface HeartQueries {
  day: string;
  range: DayRange;
}

/** The queries of the heart page (the server page prefetches exactly these). */
export function heartInputs({ day, range }: HeartQueries) {
  return {
    hourly: { metric: "heart_rate", from: day, to: day, bucket: "hour" },
    daily: { metric: "heart_rate", ...range, bucket: "day" },
    resting: { metric: "resting_heart_rate", ...range, bucket: "day" },
    hrv: { metric: "hrv_rmssd", ...range, bucket: "day" },
    restingBands: { metric: "resting_heart_rate", ...range },
    hrvBands: { metric: "hrv_rmssd", ...range },
  } as const;
}

