import type { Database } from "@/db";
import { markRawRecordDeleted, upsertRawRecords } from "./raw-records";
import { rollupDays } from "../timeseries/rollup";
import { removeDerivedRows, storeBatches, type StoreResult } from "../timeseries/store";
import type { NormalizedBatch } from "../types";

export interface RawRecord {
  /** The provider's id for the record (or a derived stable identity). */
  recordId: string;
  recordType: string;
  payload: unknown;
  revisionAt?: Date | null;
}

export interface IngestOptions {
  userId: string;
  source: string;
  /** The user's IANA zone, for records that carry no offset of their own. */
  timeZone: string;
  records: RawRecord[];
  normalize: (record: RawRecord) => NormalizedBatch;
  /** Skip the daily rollup (the caller rolls up once after several calls). */
  skipRollup?: boolean;
}

export interface IngestResult {
  records: number;
  /** Records that were new or revised (the rest were re-deliveries). */
  changed: number;
  samples: number;
  dates: Set<string>;
}

/**
 * The one ingestion path of webhooks, "sync now", backfill and the benchmark: keep each raw record,
 * normalize what is new or revised (a revision first removes the rows of the earlier version),
 * store, then roll up the touched local days. All in one transaction: a stored raw record counts
 * as processed, so if anything after it fails, the raw record must not stay either (a retry would
 * take the re-delivery for a duplicate and skip it).
 */
export async function ingestRecords(db: Database, opts: IngestOptions): Promise<IngestResult> {
  return db.transaction((tx) => ingestWithin(tx, opts));
}

async function ingestWithin(db: Database, opts: IngestOptions): Promise<IngestResult> {
  const revisedDates = new Set<string>();
  const items: NormalizedItem[] = [];
  const outcomes = await upsertRawRecords(db, opts.userId, opts.source, opts.records);
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.status === "unchanged") continue;
    if (outcome.status === "revised") for (const d of await removeDerivedRows(db, outcome.id)) revisedDates.add(d);
    items.push({ rawRecordId: outcome.id, batch: opts.normalize(opts.records[i]!) });
  }
  const stored = await storeNormalized(db, { userId: opts.userId, timeZone: opts.timeZone }, [items], { alsoRollUp: revisedDates, skipRollup: opts.skipRollup });
  return { records: opts.records.length, changed: items.length, samples: stored.samples, dates: stored.dates };
}

/** Normalized items of one raw record (null: of a file import, which keeps no raw records). */
export interface NormalizedItem {
  rawRecordId: string | null;
  batch: NormalizedBatch;
}

export type StoredTotals = Omit<StoreResult, "dates"> & { dates: Set<string> };

export interface StoreNormalizedOptions {
  /** Days to recompute besides the stored ones (e.g. those a revision removed rows from). */
  alsoRollUp?: Iterable<string>;
  skipRollup?: boolean;
  /** Called after each group is stored (a long file import saves its progress here). */
  afterGroup?: (stored: StoreResult) => Promise<void> | void;
}

/**
 * The one way normalized data goes into storage, for webhooks, syncs and file imports alike: stores
 * each group of items as it comes (a file import streams thousands of groups), then rolls up every
 * local day they touched, once.
 */
export async function storeNormalized(
  db: Database,
  user: { userId: string; timeZone: string },
  groups: Iterable<NormalizedItem[]> | AsyncIterable<NormalizedItem[]>,
  opts: StoreNormalizedOptions = {},
): Promise<StoredTotals> {
  const totals: StoredTotals = { samples: 0, sleepSessions: 0, workouts: 0, dailyTotals: 0, dates: new Set(opts.alsoRollUp) };
  for await (const items of groups) {
    const stored = await storeBatches(db, user, items);
    totals.samples += stored.samples;
    totals.sleepSessions += stored.sleepSessions;
    totals.workouts += stored.workouts;
    totals.dailyTotals += stored.dailyTotals;
    for (const d of stored.dates) totals.dates.add(d);
    await opts.afterGroup?.(stored);
  }
  if (!opts.skipRollup) await rollupDays(db, user.userId, totals.dates);
  return totals;
}

/** A record deleted at the provider: its rows go, its days are recomputed. */
export async function deleteRecord(
  db: Database,
  key: { userId: string; source: string; recordType: string; recordId: string },
): Promise<Set<string>> {
  return db.transaction(async (tx) => {
    const rawId = await markRawRecordDeleted(tx, key);
    if (!rawId) return new Set<string>();
    const dates = await removeDerivedRows(tx, rawId);
    await rollupDays(tx, key.userId, dates);
    return dates;
  });
}
