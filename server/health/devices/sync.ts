import type { Database } from "@/db";
import { markConnection, type Connection } from "./connections";
import { deliverDemoRange } from "../demo/feed";
import { ingestProviderRecords } from "../ingestion/process-delivery";
import { providerHttp } from "../providers/http";
import { getProvider } from "../providers/registry";
import { getFreshAccessToken } from "./token-refresh";
import { AppError } from "../../errors";

export interface SyncRangeResult {
  records: number;
  stored: number;
}

export interface SyncRangeOptions {
  start: Date;
  end: Date;
  fetch?: typeof fetch;
}

/**
 * Pulls one date range for a connection: every resource the provider serves, page by page,
 * through the one ingestion path. The demo provider instead generates the range and delivers it
 * as signed webhooks. Returns the records received and how many were new or revised (`stored`:
 * 0 for the demo provider, whose webhooks are ingested, and counted, by the ingestion job).
 */
export async function syncRange(db: Database, connection: Connection, opts: SyncRangeOptions): Promise<SyncRangeResult> {
  const adapter = getProvider(connection.provider);
  if (!adapter) throw AppError.notFound("Provider");
  if (connection.status !== "active") throw AppError.conflict(`The ${adapter.displayName} connection is ${connection.status}; reconnect it first.`);
  if (adapter.id === "demo") return { records: await deliverDemoRange(db, connection, { start: opts.start, end: opts.end }), stored: 0 };

  const fetchImpl = opts.fetch ?? fetch;
  const http = providerHttp(adapter, fetchImpl);
  const accessToken = adapter.oauth ? await getFreshAccessToken(db, connection, { fetch: fetchImpl }) : null;
  let received = 0;
  let stored = 0;
  for (const resource of adapter.resources) {
    let cursor: string | null = null;
    do {
      const page = await adapter.fetchRange(http, {
        accessToken,
        externalUserId: connection.externalUserId,
        resource,
        start: opts.start,
        end: opts.end,
        cursor,
      });
      stored += (await ingestProviderRecords(db, adapter, connection.userId, page.records)).changed;
      received += page.records.length;
      cursor = page.nextCursor;
    } while (cursor);
  }
  await markConnection(db, connection.id, { lastSyncAt: new Date(), lastError: null });
  return { records: received, stored };
}

/** The days a backfill of `days` days covers, split into chunks (each one step, so it resumes). */
export function backfillChunks(now: Date, days: number, chunkDays = 7): { start: Date; end: Date }[] {
  const dayMs = 86_400_000;
  const end = now.getTime();
  const chunks = [];
  for (let from = end - days * dayMs; from < end; from += chunkDays * dayMs) {
    chunks.push({ start: new Date(from), end: new Date(Math.min(end, from + chunkDays * dayMs)) });
  }
  return chunks;
}
