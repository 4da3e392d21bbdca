import { requestInsightsRecompute } from "@/server/health/analytics/recompute-request";
import { getConnectionById } from "@/server/health/devices/connections";
import { finishSyncRun, startSyncRun } from "@/server/health/devices/sync-runs";
import { syncRange } from "@/server/health/devices/sync";
import { defineFunction } from "../../define";

const OVERLAP_MS = 86_400_000;

/** "Sync now" and the periodic sync: pull everything since the last sync (with a day of overlap); then fresh insights if it stored anything. */
export const syncConnection = defineFunction(
  { id: "sync-connection", event: "devices/sync.requested", retries: 3, concurrencyKey: "event.data.userId" },
  async ({ event, step, db }) => {
    const runId = await step.run("start-run", async () => {
      if (event.data.syncRunId) return event.data.syncRunId;
      const connection = await getConnectionById(db, event.data.connectionId);
      if (!connection) return null;
      return startSyncRun(db, { userId: connection.userId, provider: connection.provider, connectionId: connection.id, kind: event.data.kind });
    });
    if (!runId) return { skipped: "connection not found" };
    const synced = await step.run("sync", async () => {
      const connection = await getConnectionById(db, event.data.connectionId);
      if (!connection || connection.userId !== event.data.userId) {
        await finishSyncRun(db, runId, { records: 0, error: "The connection no longer exists." });
        return { records: 0, stored: 0 };
      }
      const end = new Date();
      const start = new Date((connection.lastSyncAt?.getTime() ?? end.getTime() - 2 * OVERLAP_MS) - OVERLAP_MS);
      try {
        const result = await syncRange(db, connection, { start, end });
        await finishSyncRun(db, runId, { records: result.records });
        return result;
      } catch (error) {
        await finishSyncRun(db, runId, { records: 0, error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    });
    if (synced.stored > 0) await step.run("request-insights", () => requestInsightsRecompute(db, event.data.userId, "ingestion"));
    return synced;
  },
);
