/**
 * User-local calendar days. A reading counts toward the day of its start in the record's own UTC
 * offset; a night counts toward its wake-up day (end time). Without an offset on the record the
 * user's time zone decides.
 */

const HOUR_MS = 3_600_000;

const DAY_MS = 86_400_000;
const dayNames = new Map<number, string>();

/** YYYY-MM-DD of an instant shifted by a UTC offset in minutes (names cached per day: this runs per sample). */
export function dateAtOffset(instant: Date, offsetMinutes: number): string {
  return dayName(Math.floor((instant.getTime() + offsetMinutes * 60_000) / DAY_MS));
}

/** YYYY-MM-DD of a day number (days since 1970-01-01), cached. */
export function dayName(day: number): string {
  let name = dayNames.get(day);
  if (name === undefined) {
    name = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size > 50_000) dayNames.clear();
    dayNames.set(day, name);
  }
  return name;
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/** The UTC offset (minutes) of an IANA zone at an instant; cached per zone and hour. */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return 0;
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  let formatter = formatterCache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatterCache.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(hour * HOUR_MS)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offset = Math.round((asUtc - hour * HOUR_MS) / 60_000);
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

export function localDate(instant: Date, offsetMinutes: number | null | undefined, fallbackZone: string): string {
  return dateAtOffset(instant, offsetMinutes ?? zoneOffsetMinutes(instant, fallbackZone));
}

/** Every YYYY-MM-DD from `from` to `to` inclusive. */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instant a local day starts in an IANA zone: its midnight, or, where a clock change skips
 * midnight (Santiago, Beirut), the first instant that reads as that day.
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  let t = midnightUtc - zoneOffsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
  t = midnightUtc - zoneOffsetMinutes(new Date(t), timeZone) * 60_000;
  for (let i = 0; i < 3 && dateAtOffset(new Date(t), zoneOffsetMinutes(new Date(t), timeZone)) < day; i++) {
    t = Math.floor(t / HOUR_MS) * HOUR_MS + HOUR_MS;
  }
  return new Date(t);
}
