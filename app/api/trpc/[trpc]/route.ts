import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/context";
import { logger } from "@/server/logger";
import { appRouter } from "@/server/root";

const handler = (req: Request) => {
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
