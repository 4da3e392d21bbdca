/** Apple Health export timestamps: `YYYY-MM-DD HH:MM:SS ±HHMM` (the offset is the device's at the time). */
export interface AppleInstant {
  epochMs: number;
  offsetMinutes: number;
}

const ZERO = 48;

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses an export timestamp by hand (this runs for every record of a multi-gigabyte file); null when malformed. */
export function parseAppleDate(text: string | undefined): AppleInstant | null {
  if (text === undefined || text.length !== 25) return null;
  if (text[4] !== "-" || text[7] !== "-" || text[10] !== " " || text[13] !== ":" || text[16] !== ":" || text[19] !== " ") return null;
  const sign = text[20] === "+" ? 1 : text[20] === "-" ? -1 : 0;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const offsetHours = digits(text, 21, 2);
  const offsetMins = digits(text, 23, 2);
  if (sign === 0 || year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23) return null;
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || offsetHours < 0 || offsetHours > 18 || offsetMins < 0 || offsetMins > 59) {
    return null;
  }
  const offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  if (day > daysInMonth(year, month)) return null;
  const localMs = Date.UTC(year, month - 1, day, hour, minute, second);
  return { epochMs: localMs - offsetMinutes * 60_000, offsetMinutes };
}
