import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { dateAtOffset } from "../../local-date";
import { whoop } from "./adapter";
import { whoopSleep } from "./testing/fixtures";
import { TokenExpiredError } from "../shared/errors";
import { hmacDigest } from "../shared/hmac";
import { startFakeServer } from "../testing/fake-server";

const SECRET = "whoop-client-secret";
const NOW = new Date("2024-03-10T12:00:00Z");
const body = JSON.stringify({ user_id: 10129, id: "ecfc6a15-4661-442f-a9a4-f160dd7afae8", type: "sleep.updated", trace_id: "e369c784-5100-49e8-8098-75d35c47b31b" });

function signed(raw: string, at: Date, secret = SECRET) {
  const timestamp = String(at.getTime());
  return new Headers({ "X-WHOOP-Signature-Timestamp": timestamp, "X-WHOOP-Signature": hmacDigest("sha256", secret, `${timestamp}${raw}`, "base64") });
}

const whoopRecovery = {
  cycle_id: 93845,
  sleep_id: "ecfc6a15-4661-442f-a9a4-f160dd7afae8",
  user_id: 10129,
  created_at: "2024-03-10T11:25:44.774Z",
  updated_at: "2024-03-10T14:25:44.774Z",
  score_state: "SCORED",
  score: { user_calibrating: false, recovery_score: 44, resting_heart_rate: 64, hrv_rmssd_milli: 31.813562, spo2_percentage: 97.0, skin_temp_celsius: 33.7 },
};

describe("whoop webhook signature", () => {
  const verify = (headers: Headers, raw = body, now = NOW) => whoop.verifyWebhook({ rawBody: raw, headers, secret: SECRET, now });

  it("accepts base64 HMAC over the millisecond timestamp + body", () => expect(verify(signed(body, NOW))).toEqual({ ok: true }));
  it("rejects a tampered body", () => expect(verify(signed(body, NOW), body.replace("10129", "10130"))).toEqual({ ok: false, reason: "bad_signature" }));
  it("rejects the wrong secret", () => expect(verify(signed(body, NOW, "other"))).toEqual({ ok: false, reason: "bad_signature" }));
  it("rejects a stale timestamp", () => expect(verify(signed(body, new Date(NOW.getTime() - 10 * 60_000)))).toEqual({ ok: false, reason: "stale" }));
  it("rejects a missing signature", () => expect(verify(new Headers())).toEqual({ ok: false, reason: "missing_signature" }));
});

describe("whoop webhook parsing", () => {
  it("asks to fetch an updated record and keys the delivery by trace id", () => {
    expect(whoop.parseWebhook(body, new Headers()).deliveries).toEqual([
      {
        externalUserId: "10129",
        eventType: "sleep.updated",
        idempotencyKey: "whoop:e369c784-5100-49e8-8098-75d35c47b31b",
        records: [],
        fetch: { resource: "sleep", id: "ecfc6a15-4661-442f-a9a4-f160dd7afae8" },
      },
    ]);
  });
  it("turns a deletion into a lifecycle delete", () => {
    const raw = body.replace("sleep.updated", "recovery.deleted");
    expect(whoop.parseWebhook(raw, new Headers()).deliveries[0]).toMatchObject({ lifecycle: "deleted", deletedRecord: { recordType: "recovery", recordId: whoopRecovery.sleep_id } });
  });
  it("rejects unknown event types with the field", () => {
    const raw = body.replace("sleep.updated", "cycle.exploded");
    expect(() => whoop.parseWebhook(raw, new Headers())).toThrow(AppError);
  });
});

describe("whoop normalization", () => {
  it("reads timezone_offset (not zone_offset), converts milliseconds and keeps the wake-up day", () => {
    const batch = whoop.normalize(whoopSleep, { recordType: "sleep", timeZone: "UTC" });
    const [session] = batch.sleepSessions;
    expect(session).toMatchObject({ utcOffsetMinutes: -300, isNap: false, sourceRecordId: `sleep:${whoopSleep.id}:session` });
    expect(session?.totals).toEqual({ inBedSeconds: 27_600, asleepSeconds: 25_800, awakeSeconds: 1_800, lightSeconds: 14_400, deepSeconds: 5_400, remSeconds: 6_000 });
    expect(session?.efficiency).toBeCloseTo(0.917);
    expect(dateAtOffset(session!.end, session!.utcOffsetMinutes!)).toBe("2024-03-10");
    expect(batch.samples.find((s) => s.metric === "respiratory_rate")?.value).toBe(16.11);
  });

  it("keeps the nap flag and skips sleeps that are not scored", () => {
    expect(whoop.normalize({ ...whoopSleep, nap: true }, { recordType: "sleep", timeZone: "UTC" }).sleepSessions[0]?.isNap).toBe(true);
    expect(whoop.normalize({ ...whoopSleep, score_state: "PENDING_SCORE", score: null }, { recordType: "sleep", timeZone: "UTC" }).sleepSessions).toEqual([]);
  });

  it("turns a recovery into readings at created_at, SpO2 97.0 → 0.97", () => {
    const batch = whoop.normalize(whoopRecovery, { recordType: "recovery", timeZone: "America/New_York" });
    const values = Object.fromEntries(batch.samples.map((s) => [s.metric, s.value]));
    expect(values).toEqual({ recovery: 44, resting_heart_rate: 64, hrv_rmssd: 31.813562, spo2: 0.97, skin_temperature: 33.7 });
    expect(batch.samples.every((s) => s.start.toISOString() === whoopRecovery.created_at && s.utcOffsetMinutes === null)).toBe(true);
  });

  it("puts cycle strain and energy on the day the cycle covers, and workouts with their energy", () => {
    const cycle = { id: 93845, start: "2024-03-10T03:25:44.774Z", end: "2024-03-11T03:40:00.000Z", timezone_offset: "-05:00", score_state: "SCORED", score: { strain: 12.4, kilojoule: 9_200, average_heart_rate: 68, max_heart_rate: 171 } };
    expect(whoop.normalize(cycle, { recordType: "cycle", timeZone: "UTC" }).dailyTotals.map((t) => [t.metric, t.localDate, t.value])).toEqual([
      ["strain", "2024-03-10", 12.4],
      ["total_energy", "2024-03-10", 9_200],
    ]);
    const workout = { id: "w-1", start: "2024-03-10T22:00:00Z", end: "2024-03-10T22:50:00Z", timezone_offset: "-05:00", sport_name: "running", score_state: "SCORED", score: { strain: 9.1, average_heart_rate: 150, max_heart_rate: 180, kilojoule: 2_300, distance_meter: 9_000 } };
    expect(whoop.normalize(workout, { recordType: "workout", timeZone: "UTC" }).workouts[0]).toMatchObject({ activityType: "running", energyKJ: 2_300, distanceM: 9_000, utcOffsetMinutes: -300 });
  });
});

describe("whoop fetching", () => {
  it("pages with nextToken, fetches a notified recovery through its sleep's cycle, and surfaces 401", async () => {
    const server = await startFakeServer((req) => {
      if (req.headers.authorization !== "Bearer at-1") return { status: 401, json: { message: "expired" } };
      if (req.path === "/v2/activity/sleep") return { json: req.query.get("nextToken") ? { records: [], next_token: "" } : { records: [whoopSleep], next_token: "MTIzOjEyMzEyMw" } };
      if (req.path === `/v2/activity/sleep/${whoopSleep.id}`) return { json: whoopSleep };
      if (req.path === "/v2/cycle/93845/recovery") return { json: whoopRecovery };
      if (req.path === "/v2/cycle/93845") return { json: { id: 93845, start: whoopSleep.start, end: null, timezone_offset: "-05:00", score_state: "PENDING_SCORE" } };
      return undefined;
    });
    try {
      const http = { baseUrl: server.baseUrl, fetch };
      const input = { accessToken: "at-1", resource: "sleep", start: new Date("2024-03-01T00:00:00Z"), end: new Date("2024-03-11T00:00:00Z") };
      const first = await whoop.fetchRange(http, input);
      expect(first.records[0]).toMatchObject({ recordType: "sleep", recordId: whoopSleep.id, revisionAt: new Date(whoopSleep.updated_at) });
      expect(first.nextCursor).toBe("MTIzOjEyMzEyMw");
      expect(Object.fromEntries(server.requests[0]!.query)).toEqual({ start: "2024-03-01T00:00:00.000Z", end: "2024-03-11T00:00:00.000Z", limit: "25" });
      expect((await whoop.fetchRange(http, { ...input, cursor: first.nextCursor })).nextCursor).toBeNull();

      const records = await whoop.fetchTarget!(http, { accessToken: "at-1", target: { resource: "recovery", id: whoopSleep.id } });
      expect(records.map((r) => [r.recordType, r.recordId])).toEqual([
        ["recovery", whoopSleep.id],
        ["cycle", "93845"],
      ]);
      await expect(whoop.fetchRange(http, { ...input, accessToken: "stale" })).rejects.toBeInstanceOf(TokenExpiredError);
    } finally {
      await server.close();
    }
  });
});
