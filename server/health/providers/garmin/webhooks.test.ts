import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rawRecords, users, webhookDeliveries } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { AppError } from "@/server/errors";
import { drainJobs } from "@/server/platform/jobs/runner";
import { activateConnection, getConnection } from "../../devices/connections";
import { startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from "../testing/fake-server";
import { receiveWebhook } from "../../ingestion/webhooks";

const handle = withTestDb({ inProcessJobs: true });
const CONSUMER_KEY = "garmin-consumer-key";

const daily = (userId: string, steps: number) => ({
  userId,
  summaryId: `daily-${userId}`,
  calendarDate: "2024-03-11",
  startTimeInSeconds: 1_710_111_600,
  startTimeOffsetInSeconds: 3_600,
  durationInSeconds: 86_400,
  steps,
});

let garminApi: FakeServer;
/** What the fake Garmin API answers, per test. */
let answer: (req: FakeRequest) => FakeReply | undefined;
let userId: string;
let garminUserId: string;
let accessToken: string;

beforeAll(async () => {
  garminApi = await startFakeServer((req) => answer(req));
  process.env.TOKEN_ENCRYPTION_KEYS = `t1:${randomBytes(32).toString("base64")}`;
  Object.assign(process.env, { GARMIN_CLIENT_ID: CONSUMER_KEY, GARMIN_CLIENT_SECRET: "garmin-secret", GARMIN_API_BASE_URL: garminApi.baseUrl });
});
afterAll(async () => {
  await garminApi.close();
  for (const name of ["GARMIN_CLIENT_ID", "GARMIN_CLIENT_SECRET", "GARMIN_API_BASE_URL"]) delete process.env[name];
});
beforeEach(async () => {
  const [user] = await handle.db.insert(users).values({ email: `g${Math.random()}@example.com` }).returning();
  userId = user!.id;
  garminUserId = `g-${randomBytes(4).toString("hex")}`;
  accessToken = `at-${randomBytes(4).toString("hex")}`;
  await activateConnection(handle.db, { userId, provider: "garmin", externalUserId: garminUserId, tokens: { accessToken, expiresAt: new Date(Date.now() + 3600_000) } });
  garminApi.requests.length = 0;
  // Garmin's real data for this user: 8,000 steps.
  answer = (req) => {
    if (req.headers.authorization !== `Bearer ${accessToken}`) return { status: 401, json: {} };
    if (req.path === "/wellness-api/rest/dailies") return { json: [daily(garminUserId, 8_000)] };
    if (req.path === "/wellness-api/rest/user/id") return { json: { userId: garminUserId } };
    return undefined;
  };
});

const post = (body: unknown) =>
  receiveWebhook(handle.db, {
    providerId: "garmin",
    method: "POST",
    url: new URL("http://localhost/api/webhooks/garmin"),
    headers: new Headers({ "garmin-client-id": CONSUMER_KEY, "content-type": "application/json" }),
    rawBody: JSON.stringify(body),
  });

async function storedSteps(): Promise<unknown[]> {
  const rows = await handle.db.select().from(rawRecords).where(eq(rawRecords.userId, userId));
  return rows.map((r) => (r.payload as { steps?: number }).steps);
}

describe("Garmin notifications (unsigned: a hint to pull, never data)", () => {
  it("a push with forged data inline stores only what Garmin's API returns for the user's token", async () => {
    expect((await post({ dailies: [daily(garminUserId, 99_999)] })).body).toEqual({ accepted: 1, duplicates: 0 });
    await drainJobs(handle.db, { timeoutMs: 30_000 });
    expect(await storedSteps()).toEqual([8_000]);
    expect(garminApi.requests.map((r) => [r.path, r.headers.authorization])).toEqual([["/wellness-api/rest/dailies", `Bearer ${accessToken}`]]);
  });

  it("a genuine ping leads to a fetch of its callback from Garmin's API", async () => {
    const callbackURL = `${garminApi.baseUrl}/wellness-api/rest/dailies?uploadStartTimeInSeconds=1710111600&uploadEndTimeInSeconds=1710115200&token=cb-1`;
    await post({ dailies: [{ userId: garminUserId, callbackURL, uploadStartTimeInSeconds: 1_710_111_600, uploadEndTimeInSeconds: 1_710_115_200 }] });
    await drainJobs(handle.db, { timeoutMs: 30_000 });
    expect(await storedSteps()).toEqual([8_000]);
    expect(garminApi.requests[0]?.query.get("token")).toBe("cb-1");
  });

  it("a ping whose callback points elsewhere is refused: nothing stored, nothing fetched", async () => {
    const forged = await post({ dailies: [{ userId: garminUserId, callbackURL: "https://evil.example/wellness-api/rest/dailies", uploadStartTimeInSeconds: 1, uploadEndTimeInSeconds: 2 }] }).catch((e: unknown) => e);
    expect(forged).toBeInstanceOf(AppError);
    expect(forged).toMatchObject({ code: "BAD_REQUEST", fields: [{ path: "deliveries.0.callbackURL" }] });
    expect(await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.externalUserId, garminUserId))).toEqual([]);
    await drainJobs(handle.db, { timeoutMs: 30_000 });
    expect(garminApi.requests).toEqual([]);
    expect(await storedSteps()).toEqual([]);
  });

  it("a forged deregistration is dropped while Garmin still accepts the token; a real one revokes the link", async () => {
    await post({ deregistrations: [{ userId: garminUserId }] });
    await drainJobs(handle.db, { timeoutMs: 30_000 });
    expect((await getConnection(handle.db, userId, "garmin")).status).toBe("active");
    const [dropped] = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.externalUserId, garminUserId));
    expect(dropped).toMatchObject({ status: "ignored", error: expect.stringMatching(/not confirmed/) });

    answer = () => ({ status: 401, json: {} });
    // Another body (a summary type BioSync does not read makes it differ), so not taken for a duplicate.
    await post({ deregistrations: [{ userId: garminUserId }], stressDetails: [{ userId: garminUserId }] });
    await drainJobs(handle.db, { timeoutMs: 30_000 });
    expect((await getConnection(handle.db, userId, "garmin")).status).toBe("revoked");
  });
});
