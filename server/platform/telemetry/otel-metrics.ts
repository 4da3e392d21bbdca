import { metrics, trace, type Histogram, type MeterProvider } from "@opentelemetry/api";

/** The OTel instrument the request wrapper records into (a no-op until a meter provider is registered). */
export const REQUEST_DURATION_METRIC = "http.server.request.duration";
/** The span attribute carrying our x-request-id, so a trace is found from a log line or an answer. */
export const REQUEST_ID_ATTRIBUTE = "http.request.id";

export const tracer = () => trace.getTracer("biosync");

let cached: { provider: MeterProvider; histogram: Histogram } | undefined;

/** The request-duration histogram of the current global meter provider (seconds, as the semantic conventions say). */
export function requestDurationHistogram(): Histogram {
  const provider = metrics.getMeterProvider();
  if (cached?.provider !== provider) {
    const histogram = provider.getMeter("biosync").createHistogram(REQUEST_DURATION_METRIC, {
      unit: "s",
      description: "Duration of HTTP server requests answered by the app's route handlers.",
      advice: { explicitBucketBoundaries: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] },
    });
    cached = { provider, histogram };
  }
  return cached.histogram;
}
