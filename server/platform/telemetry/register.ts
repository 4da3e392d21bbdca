import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { OTLPHttpJsonTraceExporter, registerOTel } from "@vercel/otel";

export interface TelemetryOptions {
  /** The collector's base URL (OTEL_EXPORTER_OTLP_ENDPOINT): traces go to <it>/v1/traces, metrics to <it>/v1/metrics. */
  endpoint: string;
  /** How often metrics are exported (OTEL_METRIC_EXPORT_INTERVAL). */
  metricIntervalMs: number;
  headers?: Record<string, string>;
}

export interface Telemetry {
  /** Exports every span and metric recorded so far (tests, and before a process exits). */
  flush(): Promise<void>;
}

const joined = (endpoint: string, path: string) => `${endpoint.replace(/\/+$/, "")}${path}`;

/**
 * Registers OpenTelemetry (@vercel/otel) for this process: traces and metrics as OTLP over HTTP
 * (JSON) to one collector. Our own span processor replaces @vercel/otel's "auto" one, which would
 * export a second copy of every span when OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
export function registerTelemetry(options: TelemetryOptions): Telemetry {
  const headers = options.headers ?? {};
  const spans = new BatchSpanProcessor(new OTLPHttpJsonTraceExporter({ url: joined(options.endpoint, "/v1/traces"), headers }));
  const reader = new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter({ url: joined(options.endpoint, "/v1/metrics"), headers }),
    exportIntervalMillis: options.metricIntervalMs,
    exportTimeoutMillis: Math.min(options.metricIntervalMs, 30_000),
  });
  registerOTel({ serviceName: "biosync", spanProcessors: [spans], metricReaders: [reader] });
  return {
    flush: async () => {
      await Promise.all([spans.forceFlush(), reader.forceFlush()]);
    },
  };
}
