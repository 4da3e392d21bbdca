import { and, count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { dailySummaries, sleepSessions, syncRuns, users, webhookDeliveries } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { drainJobs } from "../../platform/jobs/runner";
import { AppError } from "../../errors";
import { activateConnection } from "../devices/connections";
import { buildDemoDeliveries, generateDemoDays } from "../demo/generator";
import { setDemoTransport } from "../demo/feed";
import { demoWebhookSecret } from "../providers/config";
import { syncRange } from "../devices/sync";
import { readPoints } from "../timeseries/read";
import { receiveWebhook } from "./webhooks";

const handle = withTestDb();

afterEach(() => setDemoTransport(null));

async function demoUser() {
  const [user] = await handle.db.insert(users).values({ email: `p${Math.random()}@example.com` }).returning();
  const connection = await activateConnection(handle.db, { userId: user!.id, provider: "demo", externalUserId: `demo-${user!.id}` });
  return { userId: user!.id, connection };
}

function demoDeliveries(externalUserId: string, days = 3) {
  const generated = generateDemoDays({
    // A fixed seed and no missing nights: every run sees the same data, the DST night included.
    seed: "pipeline-test",
    missingNightRate: 0,
    gapDays: 0,
    userRef: externalUserId,
    providerUserId: externalUserId,
    startDate: "2026-03-06",
    days,
    homeTimeZone: "America/New_York",
    trip: false,
    duplicateRate: 0,
    revision: false,
  });
  return buildDemoDeliveries(generated, { secret: demoWebhookSecret() });
}

const post = (body: string, headers: Record<string, string>, providerId = "demo") =>
  receiveWebhook(handle.db, { providerId, method: "POST", url: new URL(`http://localhost/api/webhooks/${providerId}`), headers: new Headers(headers), rawBody: body });

async function rowsOf(userId: string) {
  const sampleRows = await readPoints(handle.db, { userId });
  const summaryRows = await handle.db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId));
  return {
    samples: sampleRows.map((s) => `${s.metric}|${s.start.toISOString()}|${s.value}`).sort(),
    summaries: summaryRows.map((s) => [s.localDate, s.values]).sort(),
  };
}

describe("webhook → job → time series", () => {
  it("stores and processes signed demo webhooks into samples, sleep and daily summaries", async () => {
    const { userId, connection } = await demoUser();
    for (const d of demoDeliveries(connection.externalUserId!)) expect((await post(d.body, { ...d.headers })).status).toBe(200);
    const drained = await drainJobs(handle.db, { timeoutMs: 60_000 });
    expect(drained.pending).toBe(false);
    expect(drained.outcomes.failed ?? 0).toBe(0);
    const n = (await readPoints(handle.db, { userId })).length;
    expect(n).toBeGreaterThan(1000);
    const nights = await handle.db.select().from(sleepSessions).where(eq(sleepSessions.userId, userId));
    expect(nights.length).toBeGreaterThanOrEqual(2);
    // The night of the DST switch (2026-03-08 in New York) counts toward its wake-up day.
    const dstNight = nights.find((s) => s.localDate === "2026-03-08");
    expect(dstNight?.utcOffsetMinutes).toBe(-240);
    const summaries = await handle.db.select().from(dailySummaries).where(eq(dailySummaries.userId, userId));
    expect(summaries.find((s) => s.localDate === "2026-03-08")?.values.sleep_asleep_seconds).toBeGreaterThan(3 * 3600);
    const runs = await handle.db.select().from(syncRuns).where(eq(syncRuns.userId, userId));
    expect(runs.every((r) => r.status === "succeeded")).toBe(true);
    // Deliveries arriving together make one history entry holding all their records.
    expect(runs.filter((r) => r.kind === "webhook")).toHaveLength(1);
    expect(runs[0]!.records).toBeGreaterThan(3);
  });

  it("the same webhook delivered 10 times → one delivery and one set of rows", async () => {
    const { userId, connection } = await demoUser();
    const [first] = demoDeliveries(connection.externalUserId!, 1);
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push((await post(first!.body, { ...first!.headers })).body);
    expect(answers[0]).toEqual({ accepted: 1, duplicates: 0 });
    expect(answers.slice(1).every((a) => JSON.stringify(a) === JSON.stringify({ accepted: 0, duplicates: 1 }))).toBe(true);
    await drainJobs(handle.db, { timeoutMs: 30_000 });
    const once = await rowsOf(userId);
    expect(once.samples.length).toBeGreaterThan(0);
    const stored = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.userId, userId));
    expect(stored).toHaveLength(1);
  });

  it("out-of-order deliveries end in the same rows as in order", async () => {
    const a = await demoUser();
    const b = await demoUser();
    // Same simulated data for both users, delivered in opposite orders.
    const ordered = demoDeliveries("shared-person", 4);
    const retarget = (body: string, externalUserId: string) => body.replaceAll("shared-person", externalUserId);
    const sign = (externalUserId: string, list: typeof ordered) =>
      buildDemoDeliveries([], { secret: demoWebhookSecret() }) && list.map((d) => ({ body: retarget(d.body, externalUserId) }));
    const { signDemoWebhook } = await import("../demo/deliveries");
    for (const d of sign(a.connection.externalUserId!, ordered)) await post(d.body, { ...signDemoWebhook(d.body, demoWebhookSecret()) });
    for (const d of sign(b.connection.externalUserId!, [...ordered].reverse())) await post(d.body, { ...signDemoWebhook(d.body, demoWebhookSecret()) });
    await drainJobs(handle.db, { timeoutMs: 60_000 });
    const rowsA = await rowsOf(a.userId);
    expect(rowsA.samples.length).toBeGreaterThan(0);
    expect(await rowsOf(b.userId)).toEqual(rowsA);
  });

  it("rejects bad requests and stores nothing from them", async () => {
    const { connection } = await demoUser();
    const [d] = demoDeliveries(connection.externalUserId!, 1);
    const before = (await handle.db.select({ n: count() }).from(webhookDeliveries))[0]!.n;
    const reject = async (promise: Promise<unknown>) => {
      try {
        await promise;
        return null;
      } catch (error) {
        return error instanceof AppError ? error.status : "other";
      }
    };
    expect(await reject(post(d!.body, { ...d!.headers }, "acme"))).toBe(404);
    expect(await reject(post(`${d!.body} `, { ...d!.headers }))).toBe(401);
    expect(await reject(post(d!.body, { "content-type": "application/json" }))).toBe(401);
    const { signDemoWebhook } = await import("../demo/deliveries");
    const stale = signDemoWebhook(d!.body, demoWebhookSecret(), new Date(Date.now() - 10 * 60_000));
    expect(await reject(post(d!.body, { ...stale }))).toBe(401);
    const malformed = '{"type":"sleep","user":{}}';
    expect(await reject(post(malformed, { ...signDemoWebhook(malformed, demoWebhookSecret()) }))).toBe(400);
    expect((await handle.db.select({ n: count() }).from(webhookDeliveries))[0]!.n).toBe(before);
  });

  it("a demo sync delivers the range through the webhook path", async () => {
    const { userId, connection } = await demoUser();
    setDemoTransport(async (body, headers) => void (await post(body, headers)));
    const delivered = await syncRange(handle.db, connection, { start: new Date(Date.now() - 3 * 86_400_000), end: new Date() });
    expect(delivered.records).toBeGreaterThan(0);
    await drainJobs(handle.db, { timeoutMs: 60_000 });
    const days = await handle.db.select().from(dailySummaries).where(and(eq(dailySummaries.userId, userId)));
    expect(days.length).toBeGreaterThanOrEqual(2);
  });
});
