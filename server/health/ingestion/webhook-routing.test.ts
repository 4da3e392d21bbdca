import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { providerConnections, rawRecords, users, webhookDeliveries } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { drainJobs } from "../../platform/jobs/runner";
import { isUniqueViolation } from "../../platform/jobs/store";
import { activateConnection, getConnection, markConnection } from "../devices/connections";
import { buildDemoDeliveries, generateDemoDays } from "../demo/generator";
import { demoWebhookSecret } from "../providers/config";
import { receiveWebhook } from "./webhooks";

const handle = withTestDb({ inProcessJobs: true });

async function newUser() {
  const [user] = await handle.db.insert(users).values({ email: `r${Math.random()}@example.com` }).returning();
  return user!.id;
}

/** One signed demo delivery for `externalUserId`; `seed` makes it a different delivery. */
function delivery(externalUserId: string, seed: string) {
  const days = generateDemoDays({ seed, missingNightRate: 0, gapDays: 0, userRef: externalUserId, providerUserId: externalUserId, startDate: "2026-03-06", days: 1, homeTimeZone: "UTC", trip: false, duplicateRate: 0, revision: false });
  return buildDemoDeliveries(days, { secret: demoWebhookSecret() })[0]!;
}

async function post(d: { body: string; headers: Record<string, string> }) {
  return receiveWebhook(handle.db, { providerId: "demo", method: "POST", url: new URL("http://localhost/api/webhooks/demo"), headers: new Headers(d.headers), rawBody: d.body });
}

const rawRowsOf = async (userId: string) => (await handle.db.select({ n: count() }).from(rawRecords).where(eq(rawRecords.userId, userId)))[0]!.n;

describe("webhook routing by provider account", () => {
  it("a re-linked provider account: the earlier link is revoked and deliveries go to the live link only", async () => {
    const [a, b] = [await newUser(), await newUser()];
    await activateConnection(handle.db, { userId: a, provider: "demo", externalUserId: "person-1" });
    await activateConnection(handle.db, { userId: b, provider: "demo", externalUserId: "person-1" });
    expect((await getConnection(handle.db, a, "demo")).status).toBe("revoked");
    expect((await getConnection(handle.db, b, "demo")).status).toBe("active");

    expect((await post(delivery("person-1", "relinked"))).body).toEqual({ accepted: 1, duplicates: 0 });
    await drainJobs(handle.db, { timeoutMs: 30_000 });
    expect(await rawRowsOf(a)).toBe(0);
    expect(await rawRowsOf(b)).toBeGreaterThan(0);
  });

  it("a delivery for a revoked or disconnected link is stored as ignored with the reason, and not ingested", async () => {
    const a = await newUser();
    const connection = await activateConnection(handle.db, { userId: a, provider: "demo", externalUserId: "person-2" });
    await markConnection(handle.db, connection.id, { status: "revoked" });

    expect((await post(delivery("person-2", "revoked"))).body).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
    await drainJobs(handle.db, { timeoutMs: 30_000 });
    const stored = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.externalUserId, "person-2"));
    expect(stored).toMatchObject([{ status: "ignored", error: "the link of this provider account is revoked", userId: null }]);
    expect(await rawRowsOf(a)).toBe(0);

    // Revoked after the delivery arrived: the job drops it too.
    const b = await newUser();
    const live = await activateConnection(handle.db, { userId: b, provider: "demo", externalUserId: "person-3" });
    expect((await post(delivery("person-3", "late"))).body).toEqual({ accepted: 1, duplicates: 0 });
    await markConnection(handle.db, live.id, { status: "disconnected" });
    await drainJobs(handle.db, { timeoutMs: 30_000 });
    const late = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.externalUserId, "person-3"));
    expect(late).toMatchObject([{ status: "ignored", error: "the link of this provider account is disconnected" }]);
    expect(await rawRowsOf(b)).toBe(0);
  });

  it("a delivery for an account not linked yet waits for its job, which routes it to the link made meanwhile", async () => {
    expect((await post(delivery("person-5", "early"))).body).toEqual({ accepted: 1, duplicates: 0 });
    const a = await newUser();
    await activateConnection(handle.db, { userId: a, provider: "demo", externalUserId: "person-5" });
    await drainJobs(handle.db, { timeoutMs: 30_000 });
    expect(await rawRowsOf(a)).toBeGreaterThan(0);

    expect((await post(delivery("person-6", "never"))).body).toEqual({ accepted: 1, duplicates: 0 });
    await drainJobs(handle.db, { timeoutMs: 30_000 });
    const [never] = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.externalUserId, "person-6"));
    expect(never).toMatchObject({ status: "ignored", error: "no connection for this provider account" });
  });

  it("the database holds a provider account in one live connection at most", async () => {
    const [a, b] = [await newUser(), await newUser()];
    await activateConnection(handle.db, { userId: a, provider: "demo", externalUserId: "person-4" });
    const second = await handle.db
      .insert(providerConnections)
      .values({ userId: b, provider: "demo", externalUserId: "person-4", status: "error" })
      .catch((e: unknown) => e);
    expect(isUniqueViolation(second)).toBe(true);
    // A revoked link may keep the account id, for the history.
    await handle.db.insert(providerConnections).values({ userId: b, provider: "demo", externalUserId: "person-4", status: "revoked" });
  });
});
