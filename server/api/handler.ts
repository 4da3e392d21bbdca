import { createOpenApiFetchHandler } from "trpc-to-openapi";
import { AppError, describeError } from "../errors";
import { logger } from "../logger";
import { requestId as requestIdOf } from "../request";
import { appRouter } from "../root";
import { createRestContext } from "./context";
import { deprecationHeaders } from "./deprecations";
import { REST_BASE_PATH } from "./document";
import { restErrorResponse } from "./envelope";
import { matchRoute } from "./routes";

/**
 * One call to /api/v1: routed by the OpenAPI document (unknown path 404, wrong method 405), run by
 * trpc-to-openapi over the same procedures as the app, answered with the procedure's output or the
 * error envelope.
 */
export async function handleRestRequest(req: Request): Promise<Response> {
  const requestId = requestIdOf(req.headers);
  const path = new URL(req.url).pathname.slice(REST_BASE_PATH.length) || "/";
  const route = matchRoute(req.method, path);
  if (route.kind === "unknown") return restErrorResponse(AppError.notFound("API route"), requestId);
  if (route.kind === "wrong-method") {
    return restErrorResponse(new AppError("METHOD_NOT_ALLOWED", `${req.method} is not allowed here; use ${route.allow.join(", ")}.`), requestId, { allow: route.allow.join(", ") });
  }

  const resHeaders = new Headers();
  let failure: unknown;
  const response = await createOpenApiFetchHandler({
    endpoint: REST_BASE_PATH,
    req,
    router: appRouter,
    createContext: () => createRestContext(req, requestId, resHeaders),
    onError: ({ error, path: procedure }) => {
      failure = error;
      if (describeError(error).code === "INTERNAL") logger.error({ err: error.cause ?? error, path: procedure, requestId }, "rest procedure failed");
    },
  });
  if (failure !== undefined || !response.ok) return restErrorResponse(failure, requestId);

  const headers = new Headers(response.headers);
  resHeaders.forEach((value, key) => headers.set(key, value));
  headers.set("x-request-id", requestId);
  headers.set("cache-control", "no-store");
  for (const [key, value] of Object.entries(deprecationHeaders(route))) headers.set(key, value);
  return new Response(response.body, { status: response.status, headers });
}
