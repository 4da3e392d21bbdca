import { syncRouter } from "./sync/router";
import { actionPlanRouter } from "./health/analytics/recommendations/router";
import { adminRouter } from "./admin/router";
import { apiTokensRouter } from "./account/api-tokens/router";
import { authRouter } from "./account/auth/router";
import { billingRouter } from "./account/billing/router";
import { notificationsRouter } from "./account/notifications/router";
import { outboxRouter } from "./platform/email/router";
import { importsRouter } from "./health/imports/router";
import { insightsRouter } from "./health/analytics/insights/router";
import { devicesRouter } from "./health/devices/router";
import { energyScoreRouter } from "./health/analytics/energy-score/router";
import { exportsRouter } from "./health/exports/router";
import { jobsRouter } from "./platform/jobs/router";
import { privacyRouter } from "./account/privacy/router";
import { journalRouter } from "./health/journal/router";
import { plansRouter } from "./account/plans/router";
import { profileRouter } from "./account/profile/router";
import { reportsRouter } from "./health/reports/router";
import { router } from "./trpc";
import { teamsRouter } from "./account/teams/router";
import { timeseriesRouter } from "./health/timeseries/router";
import { trendsRouter } from "./health/analytics/trends/router";
import { twoFactorRouter } from "./account/two-factor/router";

/** Every domain's router, mounted under its name. */
export const appRouter = router({
  auth: authRouter,
  twoFactor: twoFactorRouter,
  profile: profileRouter,
  privacy: privacyRouter,
  notifications: notificationsRouter,
  admin: adminRouter,
  jobs: jobsRouter,
  outbox: outboxRouter,
  devices: devicesRouter,
  imports: importsRouter,
  timeseries: timeseriesRouter,
  energyScore: energyScoreRouter,
  insights: insightsRouter,
  actionPlan: actionPlanRouter,
  trends: trendsRouter,
  journal: journalRouter,
  reports: reportsRouter,
  exports: exportsRouter,
  plans: plansRouter,
  billing: billingRouter,
  teams: teamsRouter,
  apiTokens: apiTokensRouter,
  sync: syncRouter,
});

export type AppRouter = typeof appRouter;
