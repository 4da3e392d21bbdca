import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { dateAtOffset } from "../../local-date";
import { fitbit } from "./adapter";
import { RateLimitedError } from "../shared/errors";
import { startFakeServer } from "../testing/fake-server";

const SECRET = "fitbit-client-secret";
const NOW = new Date("2024-03-11T07:00:00Z");
const body = '[{"collectionType":"sleep","date":"2024-03-11","ownerId":"7ABCDE","ownerType":"user","subscriptionId":"biosync-1"}]';
/** base64(HMAC-SHA1("fitbit-client-secret&", body)), computed with `openssl dgst -sha1 -hmac`. */
const KNOWN_SIGNATURE = "0yqOJkuDOpvd3qXRE+fe73k6hFs=";

const verify = (raw: string, signature: string | null, secret = SECRET) =>
  fitbit.verifyWebhook({ rawBody: raw, headers: new Headers(signature ? { "X-Fitbit-Signature": signature } : {}), secret, now: NOW });

describe("fitbit webhook signature", () => {
  it("matches the known answer for HMAC-SHA1 with key `<secret>&`", () => expect(verify(body, KNOWN_SIGNATURE)).toEqual({ ok: true }));
  it("rejects a tampered body", () => expect(verify(body.replace("sleep", "foods"), KNOWN_SIGNATURE)).toEqual({ ok: false, reason: "bad_signature" }));
  it("rejects the wrong secret", () => expect(verify(body, KNOWN_SIGNATURE, "other")).toEqual({ ok: false, reason: "bad_signature" }));
  it("rejects a missing signature", () => expect(verify(body, null)).toEqual({ ok: false, reason: "missing_signature" }));
});

describe("fitbit subscriber verification", () => {
  const handshake = (query: string) => fitbit.handshake!({ method: "GET", url: new URL(`https://biosync.test/api/webhooks/fitbit?${query}`), headers: new Headers() }, { verificationToken: "verify-code-1" });

  it("answers 204 for the right code and 404 otherwise", () => {
    expect(handshake("verify=verify-code-1")?.status).toBe(204);
    expect(handshake("verify=wrong")?.status).toBe(404);
    expect(handshake("")).toBeNull();
  });
});

describe("fitbit webhook parsing", () => {
  it("turns each notification into fetches for its date", () => {
    const { deliveries } = fitbit.parseWebhook(body, new Headers());
    expect(deliveries.map((d) => [d.externalUserId, d.fetch])).toEqual([
      ["7ABCDE", { resource: "sleep", start: "2024-03-11", end: "2024-03-11" }],
      ["7ABCDE", { resource: "hrv", start: "2024-03-11", end: "2024-03-11" }],
    ]);
    expect(new Set(deliveries.map((d) => d.idempotencyKey)).size).toBe(2);
  });
  it("maps revoked access to a lifecycle event", () => {
    const raw = JSON.stringify([{ collectionType: "userRevokedAccess", ownerId: "7ABCDE", ownerType: "user", subscriptionId: "biosync-1" }]);
    expect(fitbit.parseWebhook(raw, new Headers()).deliveries[0]).toMatchObject({ lifecycle: "revoked", records: [] });
  });
  it("rejects an empty array and unknown collections", () => {
    expect(() => fitbit.parseWebhook("[]", new Headers())).toThrow(AppError);
    expect(() => fitbit.parseWebhook(body.replace("sleep", "steps"), new Headers())).toThrow(AppError);
  });
});

const sleepLog = {
  logId: 26589710670,
  dateOfSleep: "2024-03-11",
  startTime: "2024-03-10T23:41:30.000",
  endTime: "2024-03-11T07:11:30.000",
  duration: 27_000_000,
  efficiency: 93,
  isMainSleep: true,
  minutesAsleep: 410,
  minutesAwake: 40,
  minutesToFallAsleep: 0,
  timeInBed: 450,
  type: "stages",
  levels: {
    data: [
      { dateTime: "2024-03-10T23:41:30.000", level: "wake", seconds: 600 },
      { dateTime: "2024-03-10T23:51:30.000", level: "light", seconds: 3_600 },
      { dateTime: "2024-03-11T00:51:30.000", level: "deep", seconds: 4_200 },
      { dateTime: "2024-03-11T02:01:30.000", level: "rem", seconds: 18_600 },
    ],
    summary: { deep: { count: 3, minutes: 70, thirtyDayAvgMinutes: 80 }, light: { minutes: 220 }, rem: { minutes: 120 }, wake: { minutes: 40 } },
  },
};

describe("fitbit normalization", () => {
  it("reads wall-clock sleep times in the user's zone and puts the night on its wake-up day", () => {
    const batch = fitbit.normalize(sleepLog, { recordType: "sleep", timeZone: "Europe/Berlin" });
    const [session] = batch.sleepSessions;
    expect(session?.start.toISOString()).toBe("2024-03-10T22:41:30.000Z");
    expect(session).toMatchObject({ utcOffsetMinutes: 60, efficiency: 0.93, isNap: false });
    expect(session?.totals).toMatchObject({ asleepSeconds: 24_600, deepSeconds: 4_200, lightSeconds: 13_200, remSeconds: 7_200, inBedSeconds: 27_000 });
    expect(session?.stages.map((s) => s.stage)).toEqual(["awake", "light", "deep", "rem"]);
    expect(dateAtOffset(session!.end, session!.utcOffsetMinutes!)).toBe("2024-03-11");
  });

  it("normalizes the daily activity summary, heart intraday and HRV", () => {
    const activities = fitbit.normalize(
      {
        date: "2024-03-11",
        summary: { steps: 10_234, caloriesOut: 2_450, activityCalories: 900, caloriesBMR: 1_550, floors: 9, fairlyActiveMinutes: 20, veryActiveMinutes: 25, distances: [{ activity: "total", distance: 7.62 }] },
        activities: [{ logId: 1, activityName: "Walk", startDate: "2024-03-11", startTime: "12:15", duration: 1_800_000, calories: 150, distance: 2.4 }],
      },
      { recordType: "activities", timeZone: "America/New_York" },
    );
    expect(Object.fromEntries(activities.dailyTotals.map((t) => [t.metric, t.value]))).toMatchObject({ steps: 10_234, distance: 7_620, floors: 9, active_duration: 2_700 });
    expect(activities.workouts[0]).toMatchObject({ activityType: "Walk", distanceM: 2_400, utcOffsetMinutes: -240 });
    expect(activities.workouts[0]?.start.toISOString()).toBe("2024-03-11T16:15:00.000Z");

    const heart = fitbit.normalize(
      { date: "2024-03-11", "activities-heart": [{ dateTime: "2024-03-11", value: { restingHeartRate: 58 } }], "activities-heart-intraday": { dataset: [{ time: "00:00:00", value: 61 }, { time: "00:01:00", value: 60 }], datasetInterval: 1 } },
      { recordType: "heart", timeZone: "UTC" },
    );
    expect(heart.dailyTotals).toMatchObject([{ metric: "resting_heart_rate", localDate: "2024-03-11", value: 58 }]);
    expect(heart.samples.map((s) => [s.start.toISOString(), s.value])).toEqual([
      ["2024-03-11T00:00:00.000Z", 61],
      ["2024-03-11T00:01:00.000Z", 60],
    ]);
    const hrv = fitbit.normalize({ dateTime: "2024-03-11", value: { dailyRmssd: 34.6, deepRmssd: 31.2 } }, { recordType: "hrv", timeZone: "UTC" });
    expect(hrv.dailyTotals).toMatchObject([{ metric: "hrv_rmssd", localDate: "2024-03-11", value: 34.6 }]);
  });
});

describe("fitbit fetchRange", () => {
  it("walks per-day resources day by day and range resources in windows; 429 carries the reset", async () => {
    const server = await startFakeServer((req) => {
      if (req.path.startsWith("/1/user/-/activities/date/")) return { json: { summary: { steps: 1000 }, activities: [], goals: {} } };
      if (req.path === "/1.2/user/-/sleep/date/2024-03-01/2024-03-11.json") return { json: { sleep: [sleepLog], summary: {} } };
      if (req.path.startsWith("/1/user/-/hrv/")) return { status: 429, headers: { "fitbit-rate-limit-reset": "1200" }, json: {} };
      return undefined;
    });
    try {
      const http = { baseUrl: server.baseUrl, fetch };
      const input = { accessToken: "at-1", resource: "activities", start: new Date("2024-03-10T00:00:00Z"), end: new Date("2024-03-11T00:00:00Z") };
      const day1 = await fitbit.fetchRange(http, input);
      expect(day1).toMatchObject({ records: [{ recordType: "activities", recordId: "2024-03-10" }], nextCursor: "2024-03-11" });
      const day2 = await fitbit.fetchRange(http, { ...input, cursor: day1.nextCursor });
      expect(day2).toMatchObject({ records: [{ recordId: "2024-03-11", payload: { date: "2024-03-11" } }], nextCursor: null });
      const sleep = await fitbit.fetchRange(http, { ...input, resource: "sleep", start: new Date("2024-03-01T00:00:00Z") });
      expect(sleep).toMatchObject({ records: [{ recordType: "sleep", recordId: "26589710670" }], nextCursor: null });
      const limited = await fitbit.fetchRange(http, { ...input, resource: "hrv" }).catch((e: unknown) => e);
      expect((limited as RateLimitedError).retryAfterSeconds).toBe(1200);
    } finally {
      await server.close();
    }
  });
});
