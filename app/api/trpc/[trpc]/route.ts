import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/context";
import { AppError, errorResponse } from "@/server/errors";
import { logger } from "@/server/logger";
import { withRequestMetrics } from "@/server/platform/telemetry/http";
import { requestId } from "@/server/request";
import { appRouter } from "@/server/root";

/**
 * Mutations take JSON only: tRPC would also read form data and octet streams, which a foreign
 * page can post without a CORS preflight.
 */
function refuseNonJson(req: Request): Response | null {
  if (req.method !== "POST") return null;
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") return null;
  return errorResponse(new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json."), requestId(req.headers));
}

const handler = withRequestMetrics("/api/trpc/[trpc]", (req: Request) => {
  const refused = refuseNonJson(req);
  if (refused) return refused;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createContext(req.headers, resHeaders),
    // Retry-After is already on `resHeaders` (set where the AppError is mapped, server/trpc.ts):
    // adding it here too would send "900, 900", which no client can read.
    responseMeta({ ctx }) {
      const headers = new Headers();
      if (ctx) headers.set("x-request-id", ctx.requestId);
      return { headers };
    },
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ err: error.cause ?? error, path, requestId: ctx?.requestId }, "trpc procedure failed");
      }
    },
  });
});

export { handler as GET, handler as POST };
