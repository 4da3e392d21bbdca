import { z } from "zod";
import { scoreWeightsAdminRouter } from "../health/analytics/energy-score/admin-router";
import { adminProcedure, router } from "../trpc";
import { getAdminOverview } from "./overview";
import { statusAdminRouter } from "./status-router";

const overviewOutput = z.object({
  totalUsers: z.number().int(),
  verifiedUsers: z.number().int(),
  unverifiedUsers: z.number().int(),
  usersByRole: z.array(z.object({ role: z.enum(["user", "admin"]), count: z.number().int() })),
  signupsPerDay: z.array(z.object({ day: z.string(), count: z.number().int() })),
});

export const adminRouter = router({
  overview: adminProcedure.output(overviewOutput).query(({ ctx }) => getAdminOverview(ctx.db)),
  scoreWeights: scoreWeightsAdminRouter,
  status: statusAdminRouter,
});
