import { describe, expect, it } from "vitest";
import { demo, demoWebhookSchema, signDemoWebhook, type DemoWebhookPayload } from "./adapter";
import { terraDailyRecord, terraSleepRecord } from "../terra/testing/fixtures";

const SECRET = "demo-secret";
const NOW = new Date("2024-03-10T08:00:00Z");
const payload: DemoWebhookPayload = { type: "sleep", user: { user_id: "demo-user-1", provider: "DEMO" }, data: [terraSleepRecord({ summaryId: "demo-night-1" })] };
const raw = JSON.stringify(payload);

describe("demo provider", () => {
  const verify = (headers: Record<string, string>, body = raw, now = NOW) => demo.verifyWebhook({ rawBody: body, headers: new Headers(headers), secret: SECRET, now });

  it("verifies x-demo-signature with Terra's scheme", () => {
    const header = signDemoWebhook(raw, SECRET, NOW);
    expect(verify({ "x-demo-signature": header })).toEqual({ ok: true });
    expect(verify({ "x-demo-signature": header }, raw.replace("demo-night-1", "demo-night-2"))).toEqual({ ok: false, reason: "bad_signature" });
    expect(verify({ "x-demo-signature": signDemoWebhook(raw, "wrong", NOW) })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verify({ "x-demo-signature": header }, raw, new Date(NOW.getTime() + 301_000))).toEqual({ ok: false, reason: "stale" });
    expect(verify({ "terra-signature": header })).toEqual({ ok: false, reason: "missing_signature" });
  });

  it("parses its payloads with the exported schema and normalizes them as source demo", () => {
    expect(demoWebhookSchema.safeParse(payload).success).toBe(true);
    expect(demoWebhookSchema.safeParse({ ...payload, user: { user_id: "x", provider: "OURA" } }).success).toBe(false);
    const [delivery] = demo.parseWebhook(raw, new Headers()).deliveries;
    expect(delivery).toMatchObject({ externalUserId: "demo-user-1", records: [{ recordType: "sleep", recordId: "demo-night-1" }] });
    expect(delivery?.idempotencyKey).toMatch(/^demo:/);
    const batch = demo.normalize(delivery!.records[0]!.payload, { recordType: "sleep", timeZone: "UTC" });
    expect(batch.sleepSessions[0]).toMatchObject({ source: "demo", sourceRecordId: "sleep:demo-night-1:session" });
    expect(demo.normalize(terraDailyRecord(5000, 2200), { recordType: "daily", timeZone: "UTC" }).dailyTotals.every((t) => t.source === "demo")).toBe(true);
  });
});
