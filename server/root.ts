import { systemRouter } from "./system/router";
import { router } from "./trpc";

/** Every domain's router, mounted under its name. */
export const appRouter = router({
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
