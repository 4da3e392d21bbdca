import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/context";
import { AppError, errorResponse } from "@/server/errors";
import { logger } from "@/server/logger";
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

const handler = (req: Request) => {
  const refused = refuseNonJson(req);
  if (refused) return refused;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createContext(req.headers, resHeaders),
    responseMeta({ errors, ctx }) {
      const retryAfter = ctx?.resHeaders?.get("retry-after");
      const headers = new Headers();
      if (ctx) headers.set("x-request-id", ctx.requestId);
      if (errors.length && retryAfter) headers.set("retry-after", retryAfter);
      return { headers };
    },
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ err: error.cause ?? error, path, requestId: ctx?.requestId }, "trpc procedure failed");
      }
    },
  });
};

export { handler as GET, handler as POST };
