import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { dateAtOffset } from "../../local-date";
import { terra } from "./adapter";
import { RateLimitedError } from "../shared/errors";
import { signTerraStyle } from "../shared/signature";
import { startFakeServer } from "../testing/fake-server";
import { TERRA_USER, terraBody, terraDailyRecord, terraSleepRecord } from "./testing/fixtures";

const SECRET = "terra-signing-secret";
const NOW = new Date("2024-03-10T08:00:00Z");

function verify(rawBody: string, header: string | null, opts: { secret?: string; now?: Date } = {}) {
  const headers = new Headers(header ? { "terra-signature": header } : {});
  return terra.verifyWebhook({ rawBody, headers, secret: opts.secret ?? SECRET, now: opts.now ?? NOW });
}

describe("terra webhook signature", () => {
  const body = terraBody("sleep", [terraSleepRecord()]);
  const header = signTerraStyle(body, SECRET, NOW);

  it("accepts a valid signature", () => expect(verify(body, header)).toEqual({ ok: true }));
  it("rejects a tampered body", () => expect(verify(body.replace("91", "92"), header)).toEqual({ ok: false, reason: "bad_signature" }));
  it("rejects the wrong secret", () => expect(verify(body, header, { secret: "other" })).toEqual({ ok: false, reason: "bad_signature" }));
  it("rejects a timestamp older than five minutes", () =>
    expect(verify(body, header, { now: new Date(NOW.getTime() + 5 * 60_000 + 1000) })).toEqual({ ok: false, reason: "stale" }));
  it("accepts a timestamp within the window", () => expect(verify(body, header, { now: new Date(NOW.getTime() + 4 * 60_000) })).toEqual({ ok: true }));
  it("rejects a missing or incomplete header", () => {
    expect(verify(body, null)).toEqual({ ok: false, reason: "missing_signature" });
    expect(verify(body, `t=${NOW.getTime() / 1000}`)).toEqual({ ok: false, reason: "missing_signature" });
  });
  it("rejects a signature of another length without throwing", () => expect(verify(body, `t=${NOW.getTime() / 1000},v1=abc`)).toEqual({ ok: false, reason: "bad_signature" }));
});

describe("terra webhook parsing", () => {
  it("lists one delivery with the records and a body-derived idempotency key", () => {
    const body = terraBody("sleep", [terraSleepRecord()]);
    const { deliveries } = terra.parseWebhook(body, new Headers());
    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries;
    expect(delivery).toMatchObject({ externalUserId: "terra-user-1", eventType: "sleep", records: [{ recordType: "sleep", recordId: "sleep-summary-42" }] });
    expect(delivery?.idempotencyKey).toMatch(/^terra:[0-9a-f]{64}$/);
    expect(terra.parseWebhook(body, new Headers()).deliveries[0]?.idempotencyKey).toBe(delivery?.idempotencyKey);
  });

  it("identifies dailies by start and end, so a re-sent day keeps its identity", () => {
    const a = terra.parseWebhook(terraBody("daily", [terraDailyRecord(4000, 2100)]), new Headers()).deliveries[0];
    const b = terra.parseWebhook(terraBody("daily", [terraDailyRecord(9000, 2500)]), new Headers()).deliveries[0];
    expect(a?.records[0]?.recordId).toBe("2024-03-09T23:00:00.000Z/2024-03-10T23:00:00.000Z");
    expect(b?.records[0]?.recordId).toBe(a?.records[0]?.recordId);
    expect(b?.idempotencyKey).not.toBe(a?.idempotencyKey);
  });

  it("maps connection events to lifecycle events", () => {
    const parse = (body: object) => terra.parseWebhook(JSON.stringify(body), new Headers()).deliveries[0];
    expect(parse({ type: "auth", user: TERRA_USER, status: "success" })).toMatchObject({ lifecycle: "auth", records: [] });
    expect(parse({ type: "deauth", user: TERRA_USER })).toMatchObject({ lifecycle: "deauth" });
    expect(parse({ type: "access_revoked", user: TERRA_USER })).toMatchObject({ lifecycle: "revoked" });
    expect(parse({ type: "user_reauth", new_user: { user_id: "new" }, old_user: { user_id: "old" } })).toMatchObject({
      externalUserId: "new",
      lifecycle: "reauth",
      replacesExternalUserId: "old",
    });
    expect(terra.parseWebhook(JSON.stringify({ type: "healthcheck", status: "success" }), new Headers()).deliveries).toEqual([]);
  });

  it("rejects malformed bodies with the offending field", () => {
    const fields = (raw: string) => {
      try {
        terra.parseWebhook(raw, new Headers());
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).fields?.map((f) => f.path);
      }
      throw new Error("expected a rejection");
    };
    expect(fields("{not json")).toEqual(["(body)"]);
    expect(fields(JSON.stringify({ type: "sleep", data: [] }))).toEqual(["user"]);
    expect(fields(JSON.stringify({ type: "nonsense", user: TERRA_USER }))).toEqual(["type"]);
    const broken = terraSleepRecord() as { metadata: { start_time: string } };
    broken.metadata.start_time = "yesterday";
    expect(fields(terraBody("sleep", [broken]))).toEqual(["data.0.metadata.start_time"]);
  });
});

describe("terra normalization", () => {
  it("turns a night into a session with hypnogram stages, HR samples and nightly values on the wake-up day", () => {
    const batch = terra.normalize(terraSleepRecord(), { recordType: "sleep", timeZone: "UTC" });
    const [session] = batch.sleepSessions;
    expect(session).toMatchObject({ source: "terra", sourceRecordId: "sleep:sleep-summary-42:session", isNap: false, utcOffsetMinutes: 60, efficiency: 0.91, device: "Oura Ring Gen3" });
    expect(session?.totals).toMatchObject({ inBedSeconds: 28_320, deepSeconds: 4_800, remSeconds: 3_600, latencySeconds: 900 });
    expect(dateAtOffset(session!.end, session!.utcOffsetMinutes!)).toBe("2024-03-10");
    expect(session?.stages.map((s) => s.stage)).toEqual(["awake", "light", "deep", "light", "rem", "light", "awake"]);
    expect(session?.stages.at(-1)?.end.toISOString()).toBe("2024-03-10T06:02:00.000Z");
    const metrics = (m: string) => batch.samples.filter((s) => s.metric === m);
    expect(metrics("heart_rate").map((s) => s.value)).toEqual([60, 48, 55]);
    expect(metrics("resting_heart_rate")[0]).toMatchObject({ value: 49, start: session?.end });
    expect(metrics("lowest_heart_rate")[0]?.value).toBe(47);
    expect(metrics("hrv_rmssd")[0]?.value).toBe(62.5);
    expect(metrics("hrv_sdnn")).toEqual([]);
    expect(metrics("spo2")[0]?.value).toBeCloseTo(0.97);
    expect(metrics("respiratory_rate")[0]?.value).toBe(14.5);
    expect(metrics("temperature_deviation")[0]?.value).toBe(-0.2);
  });

  it("leaves the offset to the user's zone when Terra wrote UTC timestamps", () => {
    const batch = terra.normalize(terraSleepRecord({ timestampLocalization: 0 }), { recordType: "sleep", timeZone: "UTC" });
    expect(batch.sleepSessions[0]?.utcOffsetMinutes).toBeNull();
  });

  it("gives a daily re-sent with growing totals the same sourceRecordIds and the latest values", () => {
    const morning = terra.normalize(terraDailyRecord(4000, 2100), { recordType: "daily", timeZone: "UTC" });
    const evening = terra.normalize(terraDailyRecord(9000, 2500), { recordType: "daily", timeZone: "UTC" });
    const ids = (b: typeof morning) => [...b.dailyTotals, ...b.samples].map((x) => x.sourceRecordId).sort();
    expect(ids(evening)).toEqual(ids(morning));
    const steps = evening.dailyTotals.find((t) => t.metric === "steps");
    expect(steps).toMatchObject({ localDate: "2024-03-10", value: 9000 });
    expect(evening.dailyTotals.find((t) => t.metric === "total_energy")?.value).toBeCloseTo(2500 * 4.184);
    expect(evening.dailyTotals.find((t) => t.metric === "spo2")?.value).toBeCloseTo(0.97);
  });

  it("normalizes body measurements, activities and nutrition into SI units", () => {
    const meta = { start_time: "2024-03-10T00:00:00+01:00", end_time: "2024-03-11T00:00:00+01:00", summary_id: "act-1" };
    const body = terra.normalize(
      { metadata: meta, measurements_data: { measurements: [{ measurement_time: "2024-03-10T07:30:00+01:00", weight_kg: 71.2, height_cm: 178, bodyfat_percentage: 18.5, BMI: 22.5 }] } },
      { recordType: "body", timeZone: "UTC" },
    );
    expect(Object.fromEntries(body.samples.map((s) => [s.metric, s.value]))).toEqual({ weight: 71.2, height: 1.78, body_fat: 0.185, bmi: 22.5 });
    const activity = terra.normalize(
      { metadata: { ...meta, start_time: "2024-03-10T18:00:00+01:00", end_time: "2024-03-10T18:45:00+01:00", name: "Running" }, calories_data: { total_burned_calories: 520 }, distance_data: { summary: { distance_meters: 8100 } }, heart_rate_data: { summary: { avg_hr_bpm: 151, max_hr_bpm: 178 } } },
      { recordType: "activity", timeZone: "UTC" },
    );
    expect(activity.workouts[0]).toMatchObject({ activityType: "Running", distanceM: 8100, avgHeartRate: 151, sourceRecordId: "activity:act-1:workout" });
    const nutrition = terra.normalize({ metadata: meta, summary: { macros: { calories: 2000, protein_g: 120 }, water_ml: 1500 } }, { recordType: "nutrition", timeZone: "UTC" });
    expect(Object.fromEntries(nutrition.dailyTotals.map((t) => [t.metric, t.value]))).toEqual({ energy_intake: 8368, protein: 120, water: 1.5 });
  });
});

describe("terra fetchRange", () => {
  it("asks the REST API with app credentials, walks 28-day windows and surfaces 429", async () => {
    let calls = 0;
    const server = await startFakeServer((req) => {
      if (req.path !== "/v2/sleep") return undefined;
      calls++;
      if (calls === 3) return { status: 429, headers: { "retry-after": "17" }, json: { status: "error" } };
      return { json: { status: "success", type: "sleep", user: TERRA_USER, data: [terraSleepRecord({ summaryId: `s-${calls}` })] } };
    });
    try {
      const http = { baseUrl: server.baseUrl, fetch, apiKey: { id: "dev-id-1", secret: "api-key-1" } };
      const input = { accessToken: null, externalUserId: "terra-user-1", resource: "sleep", start: new Date("2024-01-01T00:00:00Z"), end: new Date("2024-03-01T00:00:00Z") };
      const first = await terra.fetchRange(http, input);
      expect(first.records.map((r) => r.recordId)).toEqual(["s-1"]);
      expect(first.nextCursor).toBe("2024-01-29T00:00:00.000Z");
      const request = server.requests[0]!;
      expect(request.headers["dev-id"]).toBe("dev-id-1");
      expect(request.headers["x-api-key"]).toBe("api-key-1");
      expect(Object.fromEntries(request.query)).toMatchObject({ user_id: "terra-user-1", start_date: "1704067200", end_date: "1706486400", to_webhook: "false" });
      const second = await terra.fetchRange(http, { ...input, cursor: first.nextCursor });
      expect(second.nextCursor).toBe("2024-02-26T00:00:00.000Z");
      const error = await terra.fetchRange(http, { ...input, cursor: second.nextCursor }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfterSeconds).toBe(17);
    } finally {
      await server.close();
    }
  });
});
