/* Numbers and days as the insight sentences write them. */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-03-05" → "5 Mar". */
export function formatDay(date: string): string {
  const [, month, day] = date.split("-").map(Number);
  return `${day} ${MONTHS[month! - 1]}`;
}

/** Seconds as "6 h 30 min", "45 min", "7 h". */
export function formatHours(seconds: number): string {
  const minutes = Math.round(Math.abs(seconds) / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A signed number with a real minus sign: "+2.6", "−1.8", "0.0". */
export function signed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value < 0 ? "−" : "+"}${text}`;
}
