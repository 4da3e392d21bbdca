/*
 * BioSync's own CSV of time-series samples (written by the CSV export, read back by the
 * `biosync_csv` import; the format is described in the README): one header row, then one row per
 * sample, `metric,unit,start,end,value,source,device`, times as ISO 8601 in the sample's own UTC
 * offset (2026-06-10T08:01:00+02:00, milliseconds only when not zero), values in the unit named.
 */

export const BIOSYNC_CSV_COLUMNS = ["metric", "unit", "start", "end", "value", "source", "device"] as const;
/** The columns a file must have to be read as ours (`device` may be left out). */
export const BIOSYNC_CSV_REQUIRED = BIOSYNC_CSV_COLUMNS.slice(0, 6);
export const BIOSYNC_CSV_HEADER = `${BIOSYNC_CSV_COLUMNS.join(",")}\n`;

const DAY_MS = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/** `+02:00`, `-05:30`, `+00:00`. */
export function offsetSuffix(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? "-" : "+"}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

const dayNames = new Map<number, string>();

function dayName(day: number): string {
  let name = dayNames.get(day);
  if (name === undefined) {
    name = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size > 50_000) dayNames.clear();
    dayNames.set(day, name);
  }
  return name;
}

/** An instant as local ISO time at an offset; `suffix` is `offsetSuffix(offsetMinutes)` (made once per chunk). */
export function isoAtOffset(ms: number, offsetMinutes: number, suffix: string): string {
  const local = ms + offsetMinutes * 60_000;
  const day = Math.floor(local / DAY_MS);
  const msOfDay = local - day * DAY_MS;
  const second = Math.floor(msOfDay / 1000);
  const millis = msOfDay - second * 1000;
  const time = `${pad2(Math.floor(second / 3600))}:${pad2(Math.floor(second / 60) % 60)}:${pad2(second % 60)}`;
  return `${dayName(day)}T${time}${millis ? `.${pad3(millis)}` : ""}${suffix}`;
}

const ISO_AT_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:\d{2})$/;

/** Reads a time written by `isoAtOffset` (or any ISO time with seconds and an offset); null when it is not one. */
export function parseIsoAtOffset(text: string): { ms: number; offsetMinutes: number } | null {
  const m = ISO_AT_OFFSET.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const millis = m[7] ? Number(m[7].padEnd(3, "0")) : 0;
  const zone = m[8]!;
  const offsetMinutes = zone === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || Math.abs(offsetMinutes) > 18 * 60) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(local).getUTCDate() !== day) return null;
  return { ms: local - offsetMinutes * 60_000, offsetMinutes };
}

/**
 * The shortest decimal that reads back as the same float4 (values are stored as float4): 72.3,
 * not 72.30000305175781.
 */
export function float4Text(value: number): string {
  if (Number.isInteger(value)) return String(value);
  // Rounding to 6 digits lands on any shorter decimal that reads back the same (a float4 is far finer).
  for (let digits = 6; digits <= 9; digits++) {
    const text = String(Number(value.toPrecision(digits)));
    if (Math.fround(Number(text)) === value) return text;
  }
  return String(value);
}

/** A cell, quoted when it holds a comma, a quote or a line break. */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
