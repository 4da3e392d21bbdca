import { createHmac, timingSafeEqual } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { demo } from "@/server/health/providers/demo/adapter";
import { buildDemoDeliveries, signDemoWebhook, DEMO_SIGNATURE_HEADER, type DemoDelivery } from "./deliveries";
import { generateDemoDays, type DemoDay } from "./generator";

const SECRET = "whsec_demo_test";

/** The straightforward check a receiver does: recompute the HMAC over `<t>.<body>` and compare. */
function verifies(header: string, body: string, secret: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=") as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest();
  const received = Buffer.from(parts.v1, "hex");
  return received.length === expected.length && timingSafeEqual(received, expected);
}

describe("signDemoWebhook", () => {
  const body = JSON.stringify({ type: "body", data: [] });
  const now = new Date("2024-05-01T12:00:00Z");

  it("signs `<t>.<raw body>` with HMAC-SHA256 in the x-demo-signature header", () => {
    const headers = signDemoWebhook(body, SECRET, now);
    expect(headers["content-type"]).toBe("application/json");
    const header = headers[DEMO_SIGNATURE_HEADER];
    expect(header).toMatch(/^t=1714564800,v1=[0-9a-f]{64}$/);
    expect(verifies(header, body, SECRET)).toBe(true);
  });

  it("fails the check for a tampered body or another secret", () => {
    const header = signDemoWebhook(body, SECRET, now)[DEMO_SIGNATURE_HEADER];
    expect(verifies(header, body.replace("body", "sleep"), SECRET)).toBe(false);
    expect(verifies(header, body, "another-secret")).toBe(false);
  });
});

describe("buildDemoDeliveries", () => {
  let days: DemoDay[];
  let deliveries: DemoDelivery[];
  const signedAt = new Date("2025-01-15T09:30:00Z");

  beforeAll(() => {
    days = generateDemoDays({ seed: "deliveries", userRef: "user-9", startDate: "2024-03-20", days: 40, homeTimeZone: "Europe/Berlin", duplicateRate: 0.1, missingNightRate: 0, gapDays: 0 });
    deliveries = buildDemoDeliveries(days, { secret: SECRET, now: signedAt });
  });

  it("lists every payload once, in the order the provider would send them", () => {
    expect(deliveries).toHaveLength(days.reduce((n, d) => n + d.payloads.length, 0));
    for (let i = 1; i < deliveries.length; i++) {
      expect(deliveries[i]!.scheduledAt.getTime()).toBeGreaterThanOrEqual(deliveries[i - 1]!.scheduledAt.getTime());
    }
    expect(new Set(deliveries.map((d) => d.type))).toEqual(new Set(["sleep", "daily", "activity", "body"]));
  });

  it("signs each delivery at the signing time so the route's replay window accepts it", () => {
    for (const delivery of deliveries) {
      expect(verifies(delivery.headers[DEMO_SIGNATURE_HEADER], delivery.body, SECRET)).toBe(true);
      const result = demo.verifyWebhook({ rawBody: delivery.body, headers: new Headers(delivery.headers), secret: SECRET, now: signedAt });
      expect(result).toEqual({ ok: true });
    }
    let calls = 0;
    const clock = () => new Date(signedAt.getTime() + 1000 * calls++);
    const ticking = buildDemoDeliveries(days.slice(0, 2), { secret: SECRET, now: clock });
    expect(calls).toBe(ticking.length);
    expect(new Set(ticking.map((d) => d.headers[DEMO_SIGNATURE_HEADER].split(",")[0])).size).toBe(ticking.length);
  });

  it("gives re-deliveries the provider's idempotency key of the original", () => {
    const duplicates = deliveries.filter((d) => d.reason === "duplicate");
    expect(duplicates.length).toBeGreaterThan(0);
    const keyOf = (d: DemoDelivery) => demo.parseWebhook(d.body, new Headers(d.headers)).deliveries[0]!.idempotencyKey;
    for (const duplicate of duplicates) {
      const original = deliveries.find((d) => d.reason !== "duplicate" && d.body === duplicate.body)!;
      expect(keyOf(duplicate)).toBe(keyOf(original));
    }
  });

  it("normalizes through the demo provider, with the DST night on its wake-up day", () => {
    const night = deliveries.find((d) => d.type === "sleep" && d.localDate === "2024-03-31")!;
    const [delivery] = demo.parseWebhook(night.body, new Headers(night.headers)).deliveries;
    expect(delivery!.externalUserId).toBe((JSON.parse(night.body) as { user: { user_id: string } }).user.user_id);
    const record = delivery!.records[0]!;
    const batch = demo.normalize(record.payload, { recordType: record.recordType, timeZone: "Europe/Berlin" });
    const session = batch.sleepSessions[0]!;
    expect(session.utcOffsetMinutes).toBe(120);
    expect(new Date(session.end.getTime() + 120 * 60_000).toISOString().slice(0, 10)).toBe("2024-03-31");
    expect(session.stages.length).toBeGreaterThan(5);
    expect(batch.samples.some((s) => s.metric === "hrv_rmssd")).toBe(true);
  });
});
