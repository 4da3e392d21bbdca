import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { jobEvents, providerConnections, syncRuns, users } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { activateConnection } from "@/server/health/devices/connections";
import { setDemoTransport } from "@/server/health/demo/feed";
import { receiveWebhook } from "@/server/health/ingestion/webhooks";
import { emit } from "@/server/platform/jobs/emit";
import { drainJobs } from "@/server/platform/jobs/runner";
import { schedules, slotStart } from "../../schedules";

let handle: DbHandle;

beforeAll(async () => {
  handle = await createTestDb();
  setDemoTransport(async (body, headers) =>
    void (await receiveWebhook(handle.db, { providerId: "demo", method: "POST", url: new URL("http://localhost/api/webhooks/demo"), headers: new Headers(headers), rawBody: body })),
  );
});
afterAll(async () => {
  setDemoTransport(null);
  await handle.close();
});

async function demoConnection(autoSync: boolean, lastSyncAt: Date | null) {
  const [user] = await handle.db.insert(users).values({ email: `c${Math.random()}@example.com` }).returning();
  const connection = await activateConnection(handle.db, { userId: user!.id, provider: "demo", externalUserId: `demo-${user!.id}` });
  await handle.db.update(providerConnections).set({ autoSync, lastSyncAt }).where(eq(providerConnections.id, connection.id));
  return connection;
}

describe("the clock", () => {
  it("queues the periodic sync of auto-sync connections that are due, once per slot", async () => {
    const due = await demoConnection(true, new Date(Date.now() - 7 * 3_600_000));
    const fresh = await demoConnection(true, new Date());
    const off = await demoConnection(false, null);
    const at = slotStart(schedules[0]!, new Date()).toISOString();
    await emit(handle.db, "clock/sync-due", { at }, { id: `sync-due-${at}` });
    await emit(handle.db, "clock/sync-due", { at }, { id: `sync-due-${at}` });
    expect(await handle.db.select().from(jobEvents).where(eq(jobEvents.name, "clock/sync-due"))).toHaveLength(1);

    await drainJobs(handle.db, { timeoutMs: 60_000 });
    const runsOf = async (connectionId: string) =>
      (await handle.db.select().from(syncRuns).where(eq(syncRuns.connectionId, connectionId))).filter((r) => r.kind === "scheduled");
    const scheduled = await runsOf(due.id);
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.status).toBe("succeeded");
    expect(await runsOf(fresh.id)).toHaveLength(0);
    expect(await runsOf(off.id)).toHaveLength(0);
  });
});
