/*
 * Labels for chart axes and tooltips (pure, no browser time zone involved): trend bucket keys
 * already carry the user's local date or local hour, so they are read as written, never converted.
 */

export type BucketSize = "hour" | "day" | "week" | "month";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const monthName = (month: string) => MONTHS[Number(month) - 1] ?? month;

/** "2026-06-10" → "10 Jun"; with the weekday: "Wed 10 Jun". */
export function formatDay(day: string, opts: { weekday?: boolean; year?: boolean } = {}): string {
  const [y, m, d] = day.split("-");
  const weekday = opts.weekday ? `${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]} ` : "";
  return `${weekday}${Number(d)} ${monthName(m!)}${opts.year ? ` ${y}` : ""}`;
}

/** A bucket key as an axis tick: hours "08:00", days "10 Jun", weeks "8 Jun", months "Jun 26". */
export function formatBucketTick(key: string, bucket: BucketSize): string {
  if (bucket === "hour") return key.slice(11, 16);
  if (bucket === "month") return `${monthName(key.slice(5, 7))} ${key.slice(2, 4)}`;
  return formatDay(key.slice(0, 10));
}

/** A bucket key in a tooltip: "Sun 29 Mar, 03:00 (UTC+02:00)", "Wed 10 Jun", "Week of 8 Jun 2026", "Jun 2026". */
export function formatBucketLabel(key: string, bucket: BucketSize): string {
  if (bucket === "hour") return `${formatDay(key.slice(0, 10), { weekday: true })}, ${key.slice(11, 16)} (UTC${key.slice(16) || "+00:00"})`;
  if (bucket === "week") return `Week of ${formatDay(key, { year: true })}`;
  if (bucket === "month") return `${monthName(key.slice(5, 7))} ${key.slice(0, 4)}`;
  return formatDay(key, { weekday: true });
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The local clock time of an instant at a UTC offset: "23:05". */
export function clockTime(instant: Date | string | number, utcOffsetMinutes: number): string {
  const local = new Date(new Date(instant).getTime() + utcOffsetMinutes * 60_000);
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** Minutes from local midnight (negative: the evening before) as a clock time: −30 → "23:30". */
export function minutesAsClock(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}
