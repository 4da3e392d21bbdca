/** The fields of a stored sleep session that decide which one represents a night. */
export interface SleepSessionLike {
  sourceRecordId: string;
  startAt: Date;
  endAt: Date;
  isNap: boolean;
  asleepSeconds: number | null;
  lightSeconds: number | null;
  deepSeconds: number | null;
  remSeconds: number | null;
}

/**
 * A night is counted once. Sessions of one source that overlap in time are the same night recorded
 * twice: by several apps writing to Apple Health (Apple Watch, AutoSleep, Pillow, SleepTrack all arrive
 * as `apple_health`), or by one provider through two paths (the WHOOP API and the WHOOP CSV export).
 * Of each group of overlapping sessions one is kept:
 *   1. the one with a stage breakdown (light, deep or REM measured by a sensor) over one without,
 *   2. then the one with the most time asleep,
 *   3. then the earliest start, then the smallest record id (so the choice never depends on row order).
 * Summing them would double the night; a union of intervals would mix one app's stages with another's.
 * Sessions that do not overlap (sleep split by a wake-up of hours) are separate and all counted. Naps are
 * grouped among naps only: a nap is never merged into, or replaced by, the night.
 */
export function oneSessionPerNight<T extends SleepSessionLike>(sessions: readonly T[]): { main: T[]; naps: T[] } {
  return { main: pickPerOverlap(sessions.filter((s) => !s.isNap)), naps: pickPerOverlap(sessions.filter((s) => s.isNap)) };
}

function pickPerOverlap<T extends SleepSessionLike>(sessions: readonly T[]): T[] {
  const sorted = [...sessions].sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  const kept: T[] = [];
  let group: T[] = [];
  let groupEnd = Number.NEGATIVE_INFINITY;
  for (const session of sorted) {
    if (group.length > 0 && session.startAt.getTime() >= groupEnd) {
      kept.push(best(group));
      group = [];
    }
    group.push(session);
    groupEnd = Math.max(groupEnd, session.endAt.getTime());
  }
  if (group.length > 0) kept.push(best(group));
  return kept;
}

function staged(s: SleepSessionLike): boolean {
  return [s.lightSeconds, s.deepSeconds, s.remSeconds].some((seconds) => (seconds ?? 0) > 0);
}

function asleep(s: SleepSessionLike): number {
  return s.asleepSeconds ?? ((s.lightSeconds ?? 0) + (s.deepSeconds ?? 0) + (s.remSeconds ?? 0) || (s.endAt.getTime() - s.startAt.getTime()) / 1000);
}

function best<T extends SleepSessionLike>(group: readonly T[]): T {
  return group.reduce((a, b) => {
    if (staged(a) !== staged(b)) return staged(a) ? a : b;
    if (asleep(a) !== asleep(b)) return asleep(a) > asleep(b) ? a : b;
    if (a.startAt.getTime() !== b.startAt.getTime()) return a.startAt < b.startAt ? a : b;
    return a.sourceRecordId <= b.sourceRecordId ? a : b;
  });
}
