/** Next.js start-up hook: runs once per server process before it serves requests. */
export async function register(): Promise<void> {
  // Database drivers and the job runner are Node.js only; the edge runtime gets nothing.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` may load this in several prerender workers: opening the embedded database from
  // each of them at once would corrupt it, and a build has no jobs to run.
  const { env, isBuildPhase, otlpHeaders } = await import("./server/env");
  if (isBuildPhase()) return;
  const { bootServer } = await import("./server/boot");
  await bootServer();
  // OpenTelemetry export only with a collector; the request metrics /api/status reads are always recorded.
  const { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_HEADERS, OTEL_METRIC_EXPORT_INTERVAL } = env();
  if (endpoint) {
    const { registerTelemetry } = await import("./server/platform/telemetry/register");
    registerTelemetry({ endpoint, headers: otlpHeaders(OTEL_EXPORTER_OTLP_HEADERS), metricIntervalMs: OTEL_METRIC_EXPORT_INTERVAL });
  }
  const { startRequestMetricsFlush } = await import("./server/platform/telemetry/request-metrics");
  startRequestMetricsFlush();
}
