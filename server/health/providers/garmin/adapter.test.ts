import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { dateAtOffset } from "../../local-date";
import { garmin, isGarminApiUrl, parseGarminWebhook } from "./adapter";
import { ProviderHttpError } from "../shared/errors";
import { startFakeServer } from "../testing/fake-server";

const CONSUMER_KEY = "garmin-consumer-key";
const NOW = new Date("2024-03-11T07:00:00Z");

const daily = {
  userId: "g-user-1",
  summaryId: "x153a9f3-65ee8a00-15180-6",
  calendarDate: "2024-03-11",
  startTimeInSeconds: 1_710_111_600,
  startTimeOffsetInSeconds: 3_600,
  durationInSeconds: 86_400,
  steps: 11_042,
  distanceInMeters: 8_312.5,
  activeKilocalories: 612,
  bmrKilocalories: 1_701,
  floorsClimbed: 7,
  moderateIntensityDurationInSeconds: 1_200,
  vigorousIntensityDurationInSeconds: 900,
  restingHeartRateInBeatsPerMinute: 52,
  averageStressLevel: -1,
  timeOffsetHeartRateSamples: { "0": 58, "15": 57 },
};

const sleep = {
  userId: "g-user-1",
  summaryId: "x153a9f3-65ee0c70-6a40",
  calendarDate: "2024-03-11",
  startTimeInSeconds: 1_710_108_000,
  startTimeOffsetInSeconds: 3_600,
  durationInSeconds: 27_200,
  deepSleepDurationInSeconds: 5_400,
  lightSleepDurationInSeconds: 14_400,
  remSleepInSeconds: 5_600,
  awakeDurationInSeconds: 1_800,
  sleepLevelsMap: {
    light: [{ startTimeInSeconds: 1_710_108_000, endTimeInSeconds: 1_710_115_200 }],
    deep: [{ startTimeInSeconds: 1_710_115_200, endTimeInSeconds: 1_710_120_600 }],
    rem: [{ startTimeInSeconds: 1_710_120_600, endTimeInSeconds: 1_710_135_200 }],
  },
  timeOffsetSleepSpo2: { "0": 95, "60": 97 },
  overallSleepScore: { value: 83, qualifierKey: "GOOD" },
};

describe("garmin webhook authentication", () => {
  const verify = (headers: Record<string, string>, secret = CONSUMER_KEY) => garmin.verifyWebhook({ rawBody: "{}", headers: new Headers(headers), secret, now: NOW });

  it("accepts the configured consumer key in garmin-client-id", () => expect(verify({ "garmin-client-id": CONSUMER_KEY })).toEqual({ ok: true }));
  it("rejects another key", () => expect(verify({ "garmin-client-id": "someone-else" })).toEqual({ ok: false, reason: "bad_signature" }));
  it("rejects a missing header", () => expect(verify({})).toEqual({ ok: false, reason: "missing_signature" }));
});

describe("garmin webhook parsing", () => {
  it("keeps nothing of pushed summaries (Garmin does not sign them): each type and user becomes a pull of the last 24 hours", () => {
    const raw = JSON.stringify({ dailies: [daily, { ...daily, steps: 99_999 }, { ...daily, userId: "g-user-2" }], sleeps: [sleep], stressDetails: [{ userId: "g-user-1" }] });
    const { deliveries } = parseGarminWebhook(raw, NOW);
    const window = { start: "2024-03-10T07:00:00.000Z", end: "2024-03-11T07:00:00.000Z" };
    expect(deliveries.map((d) => [d.eventType, d.externalUserId, d.records, d.fetch])).toEqual([
      ["dailies", "g-user-1", [], { resource: "dailies", ...window }],
      ["dailies", "g-user-2", [], { resource: "dailies", ...window }],
      ["sleeps", "g-user-1", [], { resource: "sleeps", ...window }],
    ]);
    expect(new Set(deliveries.map((d) => d.idempotencyKey)).size).toBe(3);
  });

  it("turns pings into fetches of their callback and handles deregistrations", () => {
    const callbackURL = "https://apis.garmin.com/wellness-api/rest/dailies?uploadStartTimeInSeconds=1&uploadEndTimeInSeconds=2&token=x";
    const raw = JSON.stringify({ dailies: [{ userId: "g-user-1", callbackURL, uploadStartTimeInSeconds: 1, uploadEndTimeInSeconds: 2 }], deregistrations: [{ userId: "g-user-3" }] });
    const { deliveries } = garmin.parseWebhook(raw, new Headers());
    expect(deliveries[0]).toMatchObject({ eventType: "dailies.ping", fetch: { resource: "dailies", url: callbackURL } });
    expect(deliveries[1]).toMatchObject({ externalUserId: "g-user-3", lifecycle: "deauth" });
  });

  it("rejects a summary without its identity, naming the field", () => {
    const raw = JSON.stringify({ sleeps: [{ ...sleep, summaryId: undefined }] });
    try {
      garmin.parseWebhook(raw, new Headers());
      throw new Error("expected a rejection");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields?.[0]?.path).toBe("sleeps.0.summaryId");
    }
  });
});

describe("garmin API URLs", () => {
  it("accepts only the configured base's endpoint for the type", () => {
    const http = { baseUrl: "https://apis.garmin.com" };
    expect(isGarminApiUrl(http, "https://apis.garmin.com/wellness-api/rest/dailies?token=x", "/wellness-api/rest/dailies")).toBe(true);
    expect(isGarminApiUrl(http, "https://apis.garmin.com.evil.example/wellness-api/rest/dailies", "/wellness-api/rest/dailies")).toBe(false);
    expect(isGarminApiUrl(http, "http://apis.garmin.com/wellness-api/rest/dailies", "/wellness-api/rest/dailies")).toBe(false);
    expect(isGarminApiUrl(http, "not a url", "/wellness-api/rest/dailies")).toBe(false);
    expect(isGarminApiUrl({ baseUrl: "http://127.0.0.1:9/garmin/" }, "http://127.0.0.1:9/garmin/wellness-api/rest/sleeps", "/wellness-api/rest/sleeps")).toBe(true);
  });
});

describe("garmin normalization", () => {
  it("turns a daily into daily totals with SI units and intraday heart rate", () => {
    const batch = garmin.normalize(daily, { recordType: "dailies", timeZone: "UTC" });
    const totals = Object.fromEntries(batch.dailyTotals.map((t) => [t.metric, t.value]));
    expect(totals).toMatchObject({ steps: 11_042, distance: 8_312.5, floors: 7, active_duration: 2_100, resting_heart_rate: 52 });
    expect(totals.active_energy).toBeCloseTo(612 * 4.184);
    expect(totals.stress).toBeUndefined();
    expect(batch.samples.map((s) => [s.start.getTime() / 1000, s.value, s.utcOffsetMinutes])).toEqual([
      [1_710_111_600, 58, 60],
      [1_710_111_615, 57, 60],
    ]);
  });

  it("turns a sleep into a session with stage intervals on its wake-up day", () => {
    const batch = garmin.normalize(sleep, { recordType: "sleeps", timeZone: "UTC" });
    const [session] = batch.sleepSessions;
    expect(session?.stages.map((s) => s.stage)).toEqual(["light", "deep", "rem"]);
    expect(session?.totals).toMatchObject({ asleepSeconds: 25_400, awakeSeconds: 1_800 });
    expect(dateAtOffset(session!.end, session!.utcOffsetMinutes!)).toBe("2024-03-11");
    expect(batch.samples.find((s) => s.metric === "spo2")?.value).toBeCloseTo(0.96);
    expect(batch.samples.find((s) => s.metric === "sleep_score")?.value).toBe(83);
  });
});

describe("garmin fetching", () => {
  it("requests backfill in 90-day windows (data follows by push) and pulls ping callbacks only from the API host", async () => {
    const server = await startFakeServer((req) => {
      if (req.headers.authorization !== "Bearer at-1") return { status: 401, json: {} };
      if (req.path === "/wellness-api/rest/backfill/dailies") return { status: 202 };
      if (req.path === "/wellness-api/rest/dailies") return { json: [daily] };
      return undefined;
    });
    try {
      const http = { baseUrl: server.baseUrl, fetch };
      const input = { accessToken: "at-1", resource: "dailies", start: new Date("2023-09-01T00:00:00Z"), end: new Date("2024-03-01T00:00:00Z") };
      const first = await garmin.fetchRange(http, input);
      expect(first).toEqual({ records: [], nextCursor: String(1_693_526_400 + 90 * 86_400), deferred: true });
      expect(Object.fromEntries(server.requests[0]!.query)).toEqual({ summaryStartTimeInSeconds: "1693526400", summaryEndTimeInSeconds: first.nextCursor });

      const records = await garmin.fetchTarget!(http, { accessToken: "at-1", target: { resource: "dailies", url: `${server.baseUrl}/wellness-api/rest/dailies?token=abc` } });
      expect(records).toMatchObject([{ recordType: "dailies", recordId: daily.summaryId }]);
      await expect(garmin.fetchTarget!(http, { accessToken: "at-1", target: { resource: "dailies", url: "https://evil.example/steal" } })).rejects.toBeInstanceOf(ProviderHttpError);
      // On Garmin's host but not its endpoint for this summary type: refused too.
      await expect(garmin.fetchTarget!(http, { accessToken: "at-1", target: { resource: "dailies", url: `${server.baseUrl}/wellness-api/rest/user/id` } })).rejects.toBeInstanceOf(ProviderHttpError);

      // A push is pulled by upload time from the documented endpoint.
      const pulled = await garmin.fetchTarget!(http, { accessToken: "at-1", target: { resource: "dailies", start: "2024-03-10T07:00:00.000Z", end: "2024-03-11T07:00:00.000Z" } });
      expect(pulled).toMatchObject([{ recordId: daily.summaryId }]);
      expect(Object.fromEntries(server.requests.at(-1)!.query)).toEqual({ uploadStartTimeInSeconds: "1710054000", uploadEndTimeInSeconds: "1710140400" });
      expect(server.requests.filter((r) => r.path !== "/wellness-api/rest/backfill/dailies" && r.path !== "/wellness-api/rest/dailies")).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
