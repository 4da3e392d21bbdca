import { z } from "zod";
import { PLAN_IDS } from "@/db/schema/plans";
import { scoreWeightsAdminRouter } from "../health/analytics/energy-score/admin-router";
import { adminProcedure, router } from "../trpc";
import { adminAuditRouter } from "./audit-router";
import { adminOutboxRouter } from "./outbox-router";
import { getAdminOverview } from "./overview";
import { statusAdminRouter } from "./status-router";
import { adminUsersRouter } from "./users/router";

const count = z.number().int();

const overviewOutput = z.object({
  generatedAt: z.date(),
  totalUsers: count,
  disabledUsers: count,
  activeUsers: z.array(z.object({ days: count, count })),
  signupsPerDay: z.array(z.object({ day: z.string(), count })),
  averageEnergyScore: z.object({ value: z.number().nullable(), users: count, windowDays: count }),
  churn: z.object({ canceled: count, liveAtStart: count, rate: z.number().nullable(), windowDays: count }),
  usersByPlan: z.array(z.object({ plan: z.enum(PLAN_IDS), count })),
  mrrCents: count,
});

export const adminRouter = router({
  overview: adminProcedure.output(overviewOutput).query(({ ctx }) => getAdminOverview(ctx.db)),
  users: adminUsersRouter,
  audit: adminAuditRouter,
  outbox: adminOutboxRouter,
  scoreWeights: scoreWeightsAdminRouter,
  status: statusAdminRouter,
});
