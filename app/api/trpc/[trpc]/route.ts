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
};

export { handler as GET, handler as POST };
