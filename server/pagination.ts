import { z } from "zod";
import { AppError } from "./errors";
import { isPlausibleInstant, singleLineText } from "./inputs";

const INVALID_CURSOR = "This page link is not valid any more; start again from the first page.";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one pagination input every list procedure takes. `cursor` is opaque to clients. */
export const paginationInput = z.object({
  cursor: singleLineText({ max: 500 })
    .refine((cursor) => !cursor || parseCursor(cursor) !== null || parseKeyCursor(cursor) !== null, INVALID_CURSOR)
    .nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type PaginationInput = z.infer<typeof paginationInput>;

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type Paginated<T> = { items: T[]; nextCursor: string | null };

/** Keyset cursor over (timestamp, id), newest first. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

/** The position a cursor points at; null for the first page. A cursor that is not one of ours is a 400 naming `cursor`. */
export function decodeCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const position = parseCursor(cursor);
  if (!position) throw AppError.field("cursor", INVALID_CURSOR);
  return position;
}

// The id goes into a uuid comparison and the time into a timestamptz one: both must be what the database takes.
function parseCursor(cursor: string): { at: Date; id: string } | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) return null;
  const [at, id] = decoded as unknown[];
  if (typeof at !== "string" || typeof id !== "string" || !UUID.test(id)) return null;
  const date = new Date(at);
  return isPlausibleInstant(date) ? { at: date, id } : null;
}

/** Takes limit+1 rows fetched newest-first and splits them into a page and the next cursor. */
export function toPage<T extends { id: string }>(rows: T[], limit: number, at: (row: T) => Date): Paginated<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(at(last), last.id) : null };
}

/*
 * Lists ordered by something other than time (significance, day and priority) page by a tuple of
 * numbers and the row id, compared ascending as one row value: `(k1, k2, id) > (cursor…)`.
 */

/** Keyset cursor over (numeric keys…, id) in ascending order. */
export function encodeKeyCursor(keys: readonly number[], id: string): string {
  return Buffer.from(JSON.stringify({ k: keys, id })).toString("base64url");
}

/**
 * The position of a key cursor with `arity` keys; null for the first page. Anything else is a 400 naming
 * `cursor`, as is a fractional key where the list's keys are whole numbers (`integers`): a cursor of another
 * list must not reach the database as an integer cast that fails.
 */
export function decodeKeyCursor(cursor: string | null | undefined, arity: number, options: { integers?: boolean } = {}): { keys: number[]; id: string } | null {
  if (!cursor) return null;
  const position = parseKeyCursor(cursor);
  if (!position || position.keys.length !== arity) throw AppError.field("cursor", INVALID_CURSOR);
  if (options.integers && !position.keys.every(Number.isSafeInteger)) throw AppError.field("cursor", INVALID_CURSOR);
  return position;
}

/** Takes limit+1 rows in list order and splits them into a page and the key cursor of its last row. */
export function toKeyPage<T extends { id: string }>(rows: T[], limit: number, keys: (row: T) => readonly number[]): Paginated<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeKeyCursor(keys(last), last.id) : null };
}

function parseKeyCursor(cursor: string): { keys: number[]; id: string } | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!decoded || typeof decoded !== "object" || Array.isArray(decoded)) return null;
  const { k, id } = decoded as { k?: unknown; id?: unknown };
  if (!Array.isArray(k) || k.length === 0 || k.length > 4 || !k.every((n) => typeof n === "number" && Number.isFinite(n))) return null;
  if (typeof id !== "string" || !UUID.test(id)) return null;
  return { keys: k as number[], id };
}
