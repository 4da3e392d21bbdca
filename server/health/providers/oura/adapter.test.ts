import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { dateAtOffset } from "../../local-date";
import { oura } from "./adapter";
import { RateLimitedError } from "../shared/errors";
import { hmacDigest } from "../shared/hmac";
import { startFakeServer } from "../testing/fake-server";

const SECRET = "oura-client-secret";
const NOW = new Date("2024-03-11T07:00:00Z");
const body = JSON.stringify({ event_type: "update", data_type: "sleep", object_id: "sleep-doc-1", event_time: "2024-03-11T06:59:00+00:00", user_id: "oura-user-9" });

function signed(raw: string, at: Date, secret = SECRET) {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return new Headers({ "x-oura-timestamp": timestamp, "x-oura-signature": hmacDigest("sha256", secret, `${timestamp}${raw}`, "hex").toUpperCase() });
}

/** A night from 23:40 (+02:00) to 07:10 the next day. */
function ouraSleep(type = "long_sleep") {
  return {
    id: "sleep-doc-1",
    day: "2024-03-11",
    type,
    bedtime_start: "2024-03-10T23:40:00+02:00",
    bedtime_end: "2024-03-11T07:10:00+02:00",
    time_in_bed: 27_000,
    total_sleep_duration: 24_600,
    deep_sleep_duration: 5_100,
    light_sleep_duration: 13_800,
    rem_sleep_duration: 5_700,
    awake_time: 2_400,
    latency: 600,
    efficiency: 91,
    average_heart_rate: 54.2,
    lowest_heart_rate: 46,
    average_hrv: 71,
    average_breath: 14.875,
    heart_rate: { interval: 300, items: [58, null, 52], timestamp: "2024-03-10T23:40:00.000+02:00" },
    sleep_phase_5_min: "4422211133",
    readiness: { score: 82, temperature_deviation: 0.1 },
  };
}

describe("oura webhook signature", () => {
  const verify = (headers: Headers, raw = body, now = NOW, secret = SECRET) => oura.verifyWebhook({ rawBody: raw, headers, secret, now });

  it("accepts the upper-case hex HMAC over timestamp + body", () => expect(verify(signed(body, NOW))).toEqual({ ok: true }));
  it("rejects a tampered body", () => expect(verify(signed(body, NOW), body.replace("update", "create"))).toEqual({ ok: false, reason: "bad_signature" }));
  it("rejects the wrong secret", () => expect(verify(signed(body, NOW, "nope"))).toEqual({ ok: false, reason: "bad_signature" }));
  it("rejects a stale timestamp", () => expect(verify(signed(body, new Date(NOW.getTime() - 6 * 60_000)))).toEqual({ ok: false, reason: "stale" }));
  it("rejects missing headers", () => {
    expect(verify(new Headers())).toEqual({ ok: false, reason: "missing_signature" });
    const onlySignature = signed(body, NOW);
    onlySignature.delete("x-oura-timestamp");
    expect(verify(onlySignature)).toEqual({ ok: false, reason: "missing_signature" });
  });
});

describe("oura handshake", () => {
  const handshake = (query: string, method = "GET") => oura.handshake!({ method, url: new URL(`https://biosync.test/api/webhooks/oura?${query}`), headers: new Headers() }, { verificationToken: "tok-123" });

  it("echoes the challenge when the verification token matches", async () => {
    const response = handshake("verification_token=tok-123&challenge=abc")!;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: "abc" });
  });
  it("answers 401 for a wrong token", () => expect(handshake("verification_token=wrong&challenge=abc")?.status).toBe(401));
  it("is not a handshake without its parameters or for POST", () => {
    expect(handshake("")).toBeNull();
    expect(handshake("verification_token=tok-123&challenge=abc", "POST")).toBeNull();
  });
});

describe("oura webhook parsing", () => {
  it("turns a notification into a fetch of the document", () => {
    const [delivery] = oura.parseWebhook(body, new Headers()).deliveries;
    expect(delivery).toMatchObject({ externalUserId: "oura-user-9", eventType: "sleep.update", records: [], fetch: { resource: "sleep", id: "sleep-doc-1" } });
    expect(delivery?.idempotencyKey).toMatch(/^oura:[0-9a-f]{64}$/);
  });
  it("turns a delete into a lifecycle delete of the record", () => {
    const raw = body.replace('"update"', '"delete"');
    expect(oura.parseWebhook(raw, new Headers()).deliveries[0]).toMatchObject({ lifecycle: "deleted", deletedRecord: { recordType: "sleep", recordId: "sleep-doc-1" } });
  });
  it("rejects a notification without a user", () => {
    const raw = JSON.stringify({ event_type: "update", data_type: "sleep", object_id: "x" });
    expect(() => oura.parseWebhook(raw, new Headers())).toThrow(AppError);
  });
});

describe("oura normalization", () => {
  const ctx = { recordType: "sleep", timeZone: "UTC" };

  it("puts a night crossing midnight at +02:00 on its wake-up day, with 5-minute stages", () => {
    const batch = oura.normalize(ouraSleep(), ctx);
    const [session] = batch.sleepSessions;
    expect(session).toMatchObject({ utcOffsetMinutes: 120, isNap: false, efficiency: 0.91 });
    expect(session?.start.toISOString()).toBe("2024-03-10T21:40:00.000Z");
    expect(dateAtOffset(session!.end, session!.utcOffsetMinutes!)).toBe("2024-03-11");
    expect(session?.stages.map((s) => [s.stage, (s.end.getTime() - s.start.getTime()) / 60_000])).toEqual([
      ["awake", 10],
      ["light", 15],
      ["deep", 15],
      ["rem", 10],
    ]);
  });

  it("keeps lowest heart rate apart from resting heart rate and skips null samples", () => {
    const batch = oura.normalize(ouraSleep(), ctx);
    const byMetric = (m: string) => batch.samples.filter((s) => s.metric === m).map((s) => s.value);
    expect(byMetric("lowest_heart_rate")).toEqual([46]);
    expect(byMetric("resting_heart_rate")).toEqual([]);
    expect(byMetric("heart_rate")).toEqual([58, 52]);
    expect(byMetric("hrv_rmssd")).toEqual([71]);
    expect(byMetric("respiratory_rate")).toEqual([14.875]);
  });

  it("files a late nap under the day Oura gives it (the next day), other sleeps under their wake-up day", () => {
    const lateNap = { ...ouraSleep("late_nap"), day: "2024-03-12", bedtime_start: "2024-03-11T19:05:00+02:00", bedtime_end: "2024-03-11T19:50:00+02:00" };
    expect(oura.normalize(lateNap, ctx).sleepSessions[0]?.localDate).toBe("2024-03-12");
    expect(oura.normalize(ouraSleep(), ctx).sleepSessions[0]?.localDate).toBeUndefined();
  });

  it("treats short sleeps as naps and skips rest and deleted periods", () => {
    expect(oura.normalize(ouraSleep("late_nap"), ctx).sleepSessions[0]?.isNap).toBe(true);
    expect(oura.normalize(ouraSleep("rest"), ctx).sleepSessions).toEqual([]);
    expect(oura.normalize(ouraSleep("deleted"), ctx).samples).toEqual([]);
  });

  it("normalizes readiness, activity and SpO2 days", () => {
    const readiness = oura.normalize({ id: "r1", day: "2024-03-11", score: 82, temperature_deviation: 0.13, timestamp: "2024-03-11T00:00:00.000+02:00" }, { recordType: "daily_readiness", timeZone: "UTC" });
    expect(readiness.dailyTotals.map((t) => [t.metric, t.localDate, t.value])).toEqual([
      ["readiness", "2024-03-11", 82],
      ["temperature_deviation", "2024-03-11", 0.13],
    ]);
    const activity = oura.normalize({ id: "a1", day: "2024-03-11", steps: 8123, active_calories: 410, total_calories: 2410, high_activity_time: 600, medium_activity_time: 1800, score: 77 }, { recordType: "daily_activity", timeZone: "UTC" });
    expect(Object.fromEntries(activity.dailyTotals.map((t) => [t.metric, t.value]))).toMatchObject({ steps: 8123, active_duration: 2400, activity_score: 77 });
    const spo2 = oura.normalize({ id: "o1", day: "2024-03-11", spo2_percentage: { average: 96.5 } }, { recordType: "daily_spo2", timeZone: "UTC" });
    expect(spo2.dailyTotals[0]?.value).toBeCloseTo(0.965);
  });

  it("rejects a document that does not match the documented shape", () => {
    expect(() => oura.normalize({ id: "x" }, ctx)).toThrow(AppError);
  });
});

describe("oura fetchRange", () => {
  it("pages with next_token and surfaces 429 with Retry-After", async () => {
    const server = await startFakeServer((req) => {
      if (req.headers.authorization !== "Bearer at-1") return { status: 401, json: {} };
      if (req.path === "/v2/usercollection/sleep") {
        if (!req.query.get("next_token")) return { json: { data: [ouraSleep()], next_token: "page-2" } };
        if (req.query.get("next_token") === "page-2") return { json: { data: [{ ...ouraSleep(), id: "sleep-doc-2" }], next_token: null } };
      }
      if (req.path === "/v2/usercollection/heartrate") return { status: 429, headers: { "retry-after": "30" }, json: {} };
      return undefined;
    });
    try {
      const http = { baseUrl: server.baseUrl, fetch };
      const input = { accessToken: "at-1", resource: "sleep", start: new Date("2024-03-01T00:00:00Z"), end: new Date("2024-03-11T00:00:00Z") };
      const first = await oura.fetchRange(http, input);
      expect(first).toMatchObject({ records: [{ recordType: "sleep", recordId: "sleep-doc-1" }], nextCursor: "page-2" });
      expect(Object.fromEntries(server.requests[0]!.query)).toEqual({ start_date: "2024-03-01", end_date: "2024-03-11" });
      const second = await oura.fetchRange(http, { ...input, cursor: first.nextCursor });
      expect(second).toMatchObject({ records: [{ recordId: "sleep-doc-2" }], nextCursor: null });
      const limited = await oura.fetchRange(http, { ...input, resource: "heartrate" }).catch((e: unknown) => e);
      expect(limited).toBeInstanceOf(RateLimitedError);
      expect((limited as RateLimitedError).retryAfterSeconds).toBe(30);
      expect(server.requests.at(-1)?.query.get("start_datetime")).toBe("2024-03-01T00:00:00.000Z");
    } finally {
      await server.close();
    }
  });
});
