import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withRequestMetrics } from "./http";
import { REQUEST_DURATION_METRIC, REQUEST_ID_ATTRIBUTE } from "./otel-metrics";
import { registerTelemetry, type Telemetry } from "./register";
import { discardRequestMetrics } from "./request-metrics";
import { startFakeCollector, type FakeCollector } from "./testing/fake-collector";

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string };
}
interface OtlpSpan {
  name: string;
  attributes: OtlpAttribute[];
}
interface OtlpTraces {
  resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}
interface OtlpMetrics {
  resourceMetrics: { scopeMetrics: { metrics: { name: string; unit: string; histogram?: { dataPoints: { count: number | string; attributes: OtlpAttribute[] }[] } }[] }[] }[];
}

let collector: FakeCollector;
let telemetry: Telemetry;

beforeAll(async () => {
  collector = await startFakeCollector();
  telemetry = registerTelemetry({ endpoint: `${collector.url}/`, metricIntervalMs: 60_000 });
});

afterAll(async () => {
  discardRequestMetrics();
  await collector.close();
});

const attribute = (attributes: OtlpAttribute[], key: string) => attributes.find((a) => a.key === key)?.value;

describe("OpenTelemetry export", () => {
  it("sends each request's span, with its request id, and the duration histogram to the OTLP collector", async () => {
    const handler = withRequestMetrics("/api/widgets/[id]", () => new Response("ok", { status: 201 }));
    await handler(new Request("http://app.test/api/widgets/7", { headers: { "x-request-id": "trace-me-0001" } }));
    await handler(new Request("http://app.test/api/widgets/8", { method: "POST" }));
    await telemetry.flush();

    const traces = collector.traces as OtlpTraces[];
    const resources = traces.flatMap((t) => t.resourceSpans);
    expect(attribute(resources[0]!.resource.attributes, "service.name")?.stringValue).toBe("biosync");
    const spans = resources.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    const get = spans.find((s) => s.name === "GET /api/widgets/[id]");
    expect(get).toBeDefined();
    expect(attribute(get!.attributes, REQUEST_ID_ATTRIBUTE)?.stringValue).toBe("trace-me-0001");
    expect(attribute(get!.attributes, "http.route")?.stringValue).toBe("/api/widgets/[id]");
    expect(Number(attribute(get!.attributes, "http.response.status_code")?.intValue)).toBe(201);
    expect(spans.some((s) => s.name === "POST /api/widgets/[id]")).toBe(true);

    const exported = (collector.metrics as OtlpMetrics[]).flatMap((m) => m.resourceMetrics.flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics)));
    const duration = exported.find((m) => m.name === REQUEST_DURATION_METRIC);
    expect(duration?.unit).toBe("s");
    const points = duration?.histogram?.dataPoints ?? [];
    expect(points.reduce((sum, p) => sum + Number(p.count), 0)).toBe(2);
    expect(points.every((p) => attribute(p.attributes, "http.route")?.stringValue === "/api/widgets/[id]")).toBe(true);
  });
});
