import { z } from "zod";

/** The one pagination input every list procedure takes. `cursor` is opaque to clients. */
export const paginationInput = z.object({
  cursor: z.string().max(500).nullish(),
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

export function decodeCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || typeof id !== "string") return null;
    return { at: date, id };
  } catch {
    return null;
  }
}

/** Takes limit+1 rows fetched newest-first and splits them into a page and the next cursor. */
export function toPage<T extends { id: string }>(rows: T[], limit: number, at: (row: T) => Date): Paginated<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(at(last), last.id) : null };
}
