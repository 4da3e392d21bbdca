import { describe, expect, it } from "vitest";
import { colourOf, evaluateStatus, STATUS_THRESHOLDS, worstOf, type StatusInputs } from "./status";
import type { StatusColour } from "./status-schema";

const now = new Date("2026-12-01T12:07:30Z");

/** A healthy system: enough traffic, fast, no errors, webhooks fine, no failed or waiting job. */
function inputs(overrides: Partial<StatusInputs> = {}): StatusInputs {
  return {
    now,
    requests: { count: 1000, errors: 0, p95Ms: 40 },
    webhooks: [{ provider: "oura", finished: 1000, failed: 0 }],
    jobs: { backend: "local", failed: 0, oldestDueAgeMs: null },
    ...overrides,
  };
}

const checkOf = (report: ReturnType<typeof evaluateStatus>, id: string) => {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

type Row = [label: string, given: Partial<StatusInputs>, value: number, colour: StatusColour];

describe("evaluateStatus: each threshold, just below, at and just above", () => {
  const cases: Record<string, Row[]> = {
    "request-latency-p95": [
      ["under yellow", { requests: { count: 1000, errors: 0, p95Ms: 499.9 } }, 499, "green"],
      ["at yellow", { requests: { count: 1000, errors: 0, p95Ms: 500 } }, 500, "yellow"],
      ["over yellow", { requests: { count: 1000, errors: 0, p95Ms: 501 } }, 501, "yellow"],
      ["under red", { requests: { count: 1000, errors: 0, p95Ms: 1999.5 } }, 1999, "yellow"],
      ["at red", { requests: { count: 1000, errors: 0, p95Ms: 2000 } }, 2000, "red"],
      ["over red", { requests: { count: 1000, errors: 0, p95Ms: 2001 } }, 2001, "red"],
    ],
    "error-rate": [
      ["under yellow", { requests: { count: 1000, errors: 9, p95Ms: 40 } }, 0.9, "green"],
      ["at yellow", { requests: { count: 1000, errors: 10, p95Ms: 40 } }, 1, "yellow"],
      ["over yellow", { requests: { count: 1000, errors: 11, p95Ms: 40 } }, 1.1, "yellow"],
      ["under red", { requests: { count: 1000, errors: 49, p95Ms: 40 } }, 4.9, "yellow"],
      ["at red", { requests: { count: 1000, errors: 50, p95Ms: 40 } }, 5, "red"],
      ["over red", { requests: { count: 1000, errors: 51, p95Ms: 40 } }, 5.1, "red"],
    ],
    "webhooks:oura": [
      ["above yellow", { webhooks: [{ provider: "oura", finished: 1000, failed: 19 }] }, 98.1, "green"],
      ["at yellow", { webhooks: [{ provider: "oura", finished: 1000, failed: 20 }] }, 98, "green"],
      ["under yellow", { webhooks: [{ provider: "oura", finished: 1000, failed: 21 }] }, 97.9, "yellow"],
      ["above red", { webhooks: [{ provider: "oura", finished: 1000, failed: 99 }] }, 90.1, "yellow"],
      ["at red", { webhooks: [{ provider: "oura", finished: 1000, failed: 100 }] }, 90, "yellow"],
      ["under red", { webhooks: [{ provider: "oura", finished: 1000, failed: 101 }] }, 89.9, "red"],
    ],
    "job-failures": [
      ["under yellow", { jobs: { backend: "local", failed: 0, oldestDueAgeMs: null } }, 0, "green"],
      ["at yellow", { jobs: { backend: "local", failed: 1, oldestDueAgeMs: null } }, 1, "yellow"],
      ["over yellow", { jobs: { backend: "local", failed: 2, oldestDueAgeMs: null } }, 2, "yellow"],
      ["under red", { jobs: { backend: "local", failed: 9, oldestDueAgeMs: null } }, 9, "yellow"],
      ["at red", { jobs: { backend: "local", failed: 10, oldestDueAgeMs: null } }, 10, "red"],
      ["over red", { jobs: { backend: "local", failed: 11, oldestDueAgeMs: null } }, 11, "red"],
    ],
    "queue-age": [
      ["under yellow", { jobs: { backend: "local", failed: 0, oldestDueAgeMs: 299_000 } }, 4.9, "green"],
      ["at yellow", { jobs: { backend: "local", failed: 0, oldestDueAgeMs: 300_000 } }, 5, "yellow"],
      ["over yellow", { jobs: { backend: "local", failed: 0, oldestDueAgeMs: 306_000 } }, 5.1, "yellow"],
      ["under red", { jobs: { backend: "local", failed: 0, oldestDueAgeMs: 1_799_000 } }, 29.9, "yellow"],
      ["at red", { jobs: { backend: "local", failed: 0, oldestDueAgeMs: 1_800_000 } }, 30, "red"],
      ["over red", { jobs: { backend: "local", failed: 0, oldestDueAgeMs: 1_806_000 } }, 30.1, "red"],
    ],
  };
  for (const [id, rows] of Object.entries(cases)) {
    describe(id, () => {
      it.each(rows)("%s", (_label, given, value, colour) => {
        const report = evaluateStatus(inputs(given));
        const check = checkOf(report, id);
        expect(check.value).toBe(value);
        expect(check.status).toBe(colour);
        // Every other check is green, so the overall colour is this one's.
        expect(report.status).toBe(colour);
      });
    });
  }
});

describe("evaluateStatus", () => {
  it("shows each check's number, unit and both thresholds", () => {
    const report = evaluateStatus(inputs());
    expect(report.checks.map((c) => c.id)).toEqual(["request-latency-p95", "error-rate", "webhooks:oura", "job-failures", "queue-age"]);
    expect(checkOf(report, "request-latency-p95")).toMatchObject({ value: 40, unit: "ms", yellow: 500, red: 2000, worseWhen: "above", windowMinutes: 15, sample: 1000 });
    expect(checkOf(report, "webhooks:oura")).toMatchObject({ value: 100, unit: "%", yellow: 98, red: 90, worseWhen: "below", windowMinutes: 60 });
    expect(report.window).toEqual({ from: "2026-12-01T11:53:00.000Z", to: now.toISOString(), minutes: 15 });
    expect(report.generatedAt).toBe(now.toISOString());
  });

  it("is the worst colour of its checks", () => {
    const report = evaluateStatus(
      inputs({
        requests: { count: 1000, errors: 20, p95Ms: 600 },
        webhooks: [
          { provider: "whoop", finished: 100, failed: 50 },
          { provider: "oura", finished: 100, failed: 0 },
        ],
      }),
    );
    expect(report.checks.filter((c) => c.id.startsWith("webhooks:")).map((c) => [c.id, c.status])).toEqual([
      ["webhooks:oura", "green"],
      ["webhooks:whoop", "red"],
    ]);
    expect(report.status).toBe("red");
  });

  it("reports no data as green with a note", () => {
    const report = evaluateStatus(inputs({ requests: { count: 0, errors: 0, p95Ms: null }, webhooks: [] }));
    for (const id of ["request-latency-p95", "error-rate", "webhooks"]) {
      expect(checkOf(report, id)).toMatchObject({ value: null, status: "green", note: expect.stringMatching(/^No /) });
    }
    // An empty queue has waited for nothing: zero, not "no data".
    expect(checkOf(report, "queue-age")).toMatchObject({ value: 0, status: "green" });
    expect(report.status).toBe("green");
  });

  it("does not judge a handful of requests or deliveries", () => {
    const report = evaluateStatus(inputs({ requests: { count: 3, errors: 2, p95Ms: 5000 }, webhooks: [{ provider: "oura", finished: 4, failed: 4 }] }));
    expect(checkOf(report, "error-rate")).toMatchObject({ value: 66.66, status: "green", note: expect.stringContaining("too few") });
    expect(checkOf(report, "request-latency-p95")).toMatchObject({ value: 5000, status: "green" });
    expect(checkOf(report, "webhooks:oura")).toMatchObject({ value: 0, status: "green" });
    const enough = STATUS_THRESHOLDS.errorRate.minSample;
    expect(checkOf(evaluateStatus(inputs({ requests: { count: enough, errors: enough, p95Ms: 40 } })), "error-rate").status).toBe("red");
  });

  it("leaves job checks to Inngest's dashboard when jobs run there", () => {
    const report = evaluateStatus(inputs({ jobs: { backend: "inngest", failed: 0, oldestDueAgeMs: null } }));
    expect(checkOf(report, "job-failures")).toMatchObject({ value: null, status: "green", note: expect.stringContaining("Inngest") });
    expect(checkOf(report, "queue-age")).toMatchObject({ value: null, status: "green", note: expect.stringContaining("Inngest") });
  });
});

describe("colourOf and worstOf", () => {
  it("colours values that get worse as they fall", () => {
    expect([99, 98, 97, 90, 89].map((v) => colourOf(v, { yellow: 98, red: 90, worseWhen: "below" }))).toEqual(["green", "green", "yellow", "yellow", "red"]);
  });
  it("takes the worst colour, green for none", () => {
    expect(worstOf([])).toBe("green");
    expect(worstOf(["green", "yellow", "green"])).toBe("yellow");
    expect(worstOf(["yellow", "red", "green"])).toBe("red");
  });
});
