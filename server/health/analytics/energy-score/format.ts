/** Numbers as the explanation sentences write them (a real minus sign, durations in h and min). */

export const MINUS = "\u2212";

/** Points as a signed whole number: "+3", "−9", "0". */
export function formatPoints(points: number): string {
  const whole = Math.round(points);
  if (whole === 0) return "0";
  return whole > 0 ? `+${whole}` : `${MINUS}${-whole}`;
}

/** A size in SD with one decimal, unsigned: "1.3". */
export const formatSd = (sd: number): string => Math.abs(sd).toFixed(1);

/** A signed value with a fixed number of decimals: "+0.6", "−0.3". */
export function formatSigned(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return value > 0 ? `+${text}` : `${MINUS}${text}`;
}

/** A duration to the minute: "45 min", "8 h", "1 h 10 min". */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(Math.abs(seconds) / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
