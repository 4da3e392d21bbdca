import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { requestId } from "../../request";
import { REQUEST_ID_ATTRIBUTE, requestDurationHistogram, tracer } from "./otel-metrics";
import { recordRequest } from "./request-metrics";

type RouteHandler<A extends unknown[]> = (req: Request, ...rest: A) => Response | Promise<Response>;

/**
 * Wraps a Next route handler: gives the request an id (the caller's valid `x-request-id`, else a
 * new one, also set on the request so the handler's own `requestId()` agrees) and echoes it, times
 * the answer, counts it in this instance's request metrics under `route` (a thrown handler counts
 * as a 500) and records it as an OTel span and in the `http.server.request.duration` histogram.
 * `route` is the route's pattern ("/api/webhooks/[provider]"), never the concrete path.
 * Duration is until the handler returns its Response: a streamed body is not waited for.
 */
export function withRequestMetrics<A extends unknown[]>(route: string, handler: RouteHandler<A>): (req: Request, ...rest: A) => Promise<Response> {
  return (req, ...rest) =>
    tracer().startActiveSpan(`${req.method} ${route}`, { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method, "http.route": route } }, async (span) => {
      const id = adoptRequestId(req);
      span.setAttribute(REQUEST_ID_ATTRIBUTE, id);
      const started = performance.now();
      let status = 500;
      try {
        const response = withRequestIdHeader(await handler(req, ...rest), id);
        status = response.status;
        return response;
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        throw error;
      } finally {
        const durationMs = performance.now() - started;
        recordRequest(route, status, durationMs);
        requestDurationHistogram().record(durationMs / 1000, { "http.request.method": req.method, "http.route": route, "http.response.status_code": status });
        span.setAttribute("http.response.status_code", status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    });
}

/** The request's id; when the caller sent none (or an invalid one), the new id is put on the request. */
function adoptRequestId(req: Request): string {
  const id = requestId(req.headers);
  if (req.headers.get("x-request-id") !== id) {
    try {
      req.headers.set("x-request-id", id);
    } catch {
      // Immutable headers (a request made by fetch itself): the handler derives its own id then.
    }
  }
  return id;
}

function withRequestIdHeader(response: Response, id: string): Response {
  if (response.headers.has("x-request-id")) return response;
  try {
    response.headers.set("x-request-id", id);
    return response;
  } catch {
    // Immutable headers (Response.redirect, a proxied fetch answer): copy the response.
    const copy = new Response(response.body, response);
    copy.headers.set("x-request-id", id);
    return copy;
  }
}
