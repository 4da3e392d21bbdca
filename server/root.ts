import { adminRouter } from "./admin/router";
import { authRouter } from "./auth/router";
import { outboxRouter } from "./email/router";
import { importsRouter } from "./integrations/imports-router";
import { devicesRouter } from "./integrations/router";
import { jobsRouter } from "./jobs/router";
import { profileRouter } from "./profile/router";
import { router } from "./trpc";
import { summariesRouter } from "./integrations/summaries-router";

/** Every domain's router, mounted under its name. */
export const appRouter = router({
  auth: authRouter,
  profile: profileRouter,
  admin: adminRouter,
  jobs: jobsRouter,
  outbox: outboxRouter,
  devices: devicesRouter,
  imports: importsRouter,
  summaries: summariesRouter,
});

export type AppRouter = typeof appRouter;
