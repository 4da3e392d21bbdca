import { z } from "zod";
import { auditActions } from "../platform/audit/audit";
import { isPlausibleInstant, singleLineText } from "../inputs";
import { paginated, paginationInput } from "../pagination";
import { adminProcedure, router } from "../trpc";
import { listAuditLog } from "./audit-log";

const plausibleDate = z.date().refine(isPlausibleInstant, "Use a date between 1900 and 2100.");

const auditRow = z.object({
  id: z.string(),
  at: z.date(),
  action: z.string(),
  label: z.string(),
  actorUserId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  subjectUserId: z.string().nullable(),
  subjectEmail: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

/** The audit trail, for admins (mounted as `admin.audit`). */
export const adminAuditRouter = router({
  list: adminProcedure
    .input(
      paginationInput.extend({
        action: z.enum(auditActions).optional(),
        actorEmail: singleLineText({ max: 320 }).optional(),
        subjectEmail: singleLineText({ max: 320 }).optional(),
        from: plausibleDate.optional(),
        to: plausibleDate.optional(),
      }),
    )
    .output(paginated(auditRow))
    .query(({ ctx, input }) => listAuditLog(ctx.db, input)),
});
