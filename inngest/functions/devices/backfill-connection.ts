import type { Database } from "@/db";
import { getConnectionById, markConnection } from "@/server/health/devices/connections";
import { finishSyncRun, startSyncRun } from "@/server/health/devices/sync-runs";
import { backfillChunks, syncRange, type SyncRangeResult } from "@/server/health/devices/sync";
import { requestInsightsRecompute } from "@/server/health/analytics/recompute-request";
import { defineFunction } from "../../define";

const RETRIES = 5;

type Chunk = { start: string; end: string };

/**
 * The last N days of a new connection, a week per step: a restart resumes after the last
 * finished week, and the connection's `backfill` field shows the progress on the devices page.
 * Insights follow once, at the end, if it stored anything.
 */
export const backfillConnection = defineFunction(
  { id: "backfill-connection", event: "devices/backfill.requested", retries: RETRIES, concurrencyKey: "event.data.userId" },
  async ({ event, step, db, attempt }) => {
    const plan = await step.run("plan", async () => {
      const connection = await getConnectionById(db, event.data.connectionId);
      if (!connection || connection.userId !== event.data.userId) return null;
      const runId = await startSyncRun(db, { userId: connection.userId, provider: connection.provider, connectionId: connection.id, kind: "backfill" });
      const chunks: Chunk[] = backfillChunks(new Date(), event.data.days).map((c) => ({ start: c.start.toISOString(), end: c.end.toISOString() }));
      return { runId, chunks };
    });
    if (!plan) return { skipped: "connection not found" };

    let records = 0;
    let stored = 0;
    try {
      for (const [i, chunk] of plan.chunks.entries()) {
        const got: SyncRangeResult | number = await step.run(`chunk-${i}`, () => backfillChunk(db, event.data.connectionId, plan.chunks, i, chunk));
        // A run resumed from before chunks reported what they stored holds plain record counts.
        const result: SyncRangeResult = typeof got === "number" ? { records: got, stored: got } : got;
        records += result.records;
        stored += result.stored;
      }
    } catch (error) {
      if (attempt >= RETRIES) await finishSyncRun(db, plan.runId, { records, error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    await step.run("finish", () => finishSyncRun(db, plan.runId, { records }));
    if (stored > 0) await step.run("request-insights", () => requestInsightsRecompute(db, event.data.userId, "ingestion"));
    return { records, stored, chunks: plan.chunks.length };
  },
);

async function backfillChunk(db: Database, connectionId: string, chunks: Chunk[], i: number, chunk: Chunk): Promise<SyncRangeResult> {
  const connection = await getConnectionById(db, connectionId);
  if (!connection || connection.status !== "active") return { records: 0, stored: 0 };
  const received = await syncRange(db, connection, { start: new Date(chunk.start), end: new Date(chunk.end) });
  const done = i === chunks.length - 1;
  await markConnection(db, connection.id, {
    backfill: { from: chunks[0]!.start, until: chunk.end, next: done ? null : chunks[i + 1]!.start, done },
  });
  return received;
}
