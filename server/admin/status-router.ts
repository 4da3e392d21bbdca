import { z } from "zod";
import { statusReport } from "../platform/ops/status-schema";
import { adminProcedure, router } from "../trpc";
import { getAdminStatus } from "./status";

const adminStatusOutput = z.object({
  report: statusReport,
  routes: z.array(z.object({ route: z.string(), count: z.number().int(), errors: z.number().int(), p95Ms: z.number().nullable() })),
});

export const statusAdminRouter = router({
  get: adminProcedure.output(adminStatusOutput).query(({ ctx }) => getAdminStatus(ctx.db)),
});
