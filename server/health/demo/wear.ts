/**
 * When the ring is off: single nights (charging), one stretch of days (left at home), and which
 * night gets a tentative first upload that is revised later. Kept clear of the trip, whose nights
 * and offsets are what the demo is meant to show.
 */
import { addDays } from "@/server/health/local-date";
import type { Rng } from "./prng";
import type { ZonePlan } from "./timeline";

export interface WearOptions {
  startDate: string;
  days: number;
  missingNightRate: number;
  gapDays: number;
  revision: boolean;
}

export interface Wear {
  nightWorn: boolean[];
  dayWorn: boolean[];
  revisionIndex: number | null;
}

export function planWear(rng: Rng, options: WearOptions, zones: ZonePlan): Wear {
  const { days, startDate } = options;
  const nightWorn = Array.from({ length: days }, (_, i) => i === 0 || !rng.chance(options.missingNightRate));
  const dayWorn = Array.from({ length: days }, () => true);
  const eventful = (i: number) => zones.isTravelDate(addDays(startDate, i)) || zones.isAway(addDays(startDate, i));
  if (options.gapDays > 0 && days >= 30) {
    for (let attempt = 0; attempt < 30; attempt++) {
      const start = rng.int(5, days - options.gapDays - 5);
      const span = Array.from({ length: options.gapDays + 2 }, (_, k) => start - 1 + k);
      if (span.some(eventful)) continue;
      for (let k = start; k < start + options.gapDays; k++) nightWorn[k] = dayWorn[k] = false;
      break;
    }
  }
  let revisionIndex: number | null = null;
  if (options.revision && days >= 3) {
    for (let attempt = 0; attempt < 50 && revisionIndex === null; attempt++) {
      const i = rng.int(1, days - 2);
      if (nightWorn[i] && dayWorn[i] && !eventful(i)) revisionIndex = i;
    }
  }
  return { nightWorn, dayWorn, revisionIndex };
}
