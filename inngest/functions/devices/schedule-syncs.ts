import { connectionsDueForSync, connectionsNeedingRefresh } from "@/server/health/devices/connections";
import { emit } from "@/server/platform/jobs/emit";
import { logger } from "@/server/logger";
import { getFreshAccessToken } from "@/server/health/devices/token-refresh";
import { defineFunction } from "../../define";

/** Connections with auto-sync on are pulled when their last sync is older than this. */
export const AUTO_SYNC_EVERY_MS = 6 * 3_600_000;
/** Access tokens are refreshed when they expire within this, ahead of any sync that needs them. */
export const REFRESH_AHEAD_MS = 30 * 60_000;

/** Every clock slot: refresh tokens about to expire, and queue the periodic sync of auto-sync connections. */
export const scheduleSyncs = defineFunction({ id: "schedule-syncs", event: "clock/sync-due", retries: 2 }, async ({ event, step, db }) => {
  const refreshed = await step.run("refresh-tokens", async () => {
    let count = 0;
    for (const connection of await connectionsNeedingRefresh(db, REFRESH_AHEAD_MS)) {
      try {
        await getFreshAccessToken(db, connection, { fetch, force: true });
        count++;
      } catch (error) {
        // A rejected refresh marks the connection for reconnecting itself; one failure does not stop the rest.
        logger.warn({ err: error, connectionId: connection.id }, "token refresh failed");
      }
    }
    return count;
  });
  const queued = await step.run("queue-syncs", async () => {
    const due = await connectionsDueForSync(db, AUTO_SYNC_EVERY_MS);
    for (const c of due) {
      await emit(db, "devices/sync.requested", { connectionId: c.id, userId: c.userId, kind: "scheduled" }, { id: `scheduled-${c.id}-${event.data.at}` });
    }
    return due.length;
  });
  return { refreshed, queued };
});
