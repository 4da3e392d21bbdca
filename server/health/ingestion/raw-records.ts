import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { rawRecords } from "@/db/schema";

/**
 * Identity of a record's content. A re-delivery carries the same bytes, so the serialization as
 * parsed is enough; a copy with reordered keys would only count as a revision of identical rows.
 */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value) ?? "null").digest("hex");
}

export interface RawRecordInput {
  userId: string;
  source: string;
  recordType: string;
  recordId: string;
  payload: unknown;
  /** The provider's own last-modified time, when it has one: an older copy never replaces a newer one. */
  revisionAt?: Date | null;
}

export type RawRecordOutcome =
  | { status: "new"; id: string }
  | { status: "revised"; id: string }
  /** Same content as stored, or an older revision than stored: nothing to do. */
  | { status: "unchanged"; id: string | null };

const RAW_CHUNK = 200;

/** Stores a raw record; tells whether its normalized rows must be (re)written. */
export async function upsertRawRecord(db: Database, input: RawRecordInput): Promise<RawRecordOutcome> {
  const [outcome] = await upsertRawRecords(db, input.userId, input.source, [input]);
  return outcome!;
}

/**
 * Stores raw records in multi-row statements; one outcome per input, in order. A repeat of a
 * record within the same call counts as unchanged (the last copy is the one stored).
 */
export async function upsertRawRecords(
  db: Database,
  userId: string,
  source: string,
  records: Omit<RawRecordInput, "userId" | "source">[],
): Promise<RawRecordOutcome[]> {
  const keyOf = (r: { recordType: string; recordId: string }) => `${r.recordType}\u0000${r.recordId}`;
  const lastIndex = new Map<string, number>();
  records.forEach((r, i) => lastIndex.set(keyOf(r), i));
  const unique = [...lastIndex.values()].map((i) => records[i]!);
  const changed = new Map<string, RawRecordOutcome>();
  for (let i = 0; i < unique.length; i += RAW_CHUNK) {
    const rows = await db
      .insert(rawRecords)
      .values(
        unique.slice(i, i + RAW_CHUNK).map((r) => ({
          userId,
          source,
          recordType: r.recordType,
          recordId: r.recordId,
          payload: r.payload as object,
          contentHash: contentHash(r.payload),
          revisionAt: r.revisionAt ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: [rawRecords.userId, rawRecords.source, rawRecords.recordType, rawRecords.recordId],
        set: { payload: sql`excluded.payload`, contentHash: sql`excluded.content_hash`, revisionAt: sql`excluded.revision_at`, receivedAt: sql`now()`, deletedAt: sql`null`, payloadPurgedAt: sql`null` },
        setWhere: sql`(${rawRecords.contentHash} <> excluded.content_hash or ${rawRecords.deletedAt} is not null)
          and (${rawRecords.revisionAt} is null or excluded.revision_at is null or excluded.revision_at >= ${rawRecords.revisionAt})`,
      })
      .returning({ id: rawRecords.id, recordType: rawRecords.recordType, recordId: rawRecords.recordId, inserted: sql<boolean>`(xmax = 0)` });
    for (const row of rows) changed.set(keyOf(row), { status: row.inserted ? "new" : "revised", id: row.id });
  }
  return records.map((r, i) => (lastIndex.get(keyOf(r)) === i ? changed.get(keyOf(r)) : undefined) ?? { status: "unchanged", id: null });
}

/** Marks a record deleted at the provider (e.g. WHOOP `sleep.deleted`); returns its id if it existed. */
export async function markRawRecordDeleted(
  db: Database,
  key: { userId: string; source: string; recordType: string; recordId: string },
): Promise<string | null> {
  const rows = await db
    .update(rawRecords)
    .set({ deletedAt: new Date() })
    .where(
      and(
        eq(rawRecords.userId, key.userId),
        eq(rawRecords.source, key.source),
        eq(rawRecords.recordType, key.recordType),
        eq(rawRecords.recordId, key.recordId),
      ),
    )
    .returning({ id: rawRecords.id });
  return rows[0]?.id ?? null;
}
