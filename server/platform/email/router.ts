import { z } from "zod";
import { singleLineText } from "../../inputs";
import { paginated, paginationInput } from "../../pagination";
import { adminProcedure, router } from "../../trpc";
import { listOutbox, openOutboxEmail } from "./outbox";

const transport = z.enum(["resend", "outbox"]);
const status = z.enum(["stored", "sent", "failed"]);
const secretLink = z.enum(["none", "stored", "removed"]);

const emailSummary = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  tag: z.string().nullable(),
  transport,
  status,
  secretLink,
  createdAt: z.date(),
});

const emailDetail = emailSummary.extend({
  from: z.string(),
  html: z.string(),
  text: z.string(),
  providerMessageId: z.string().nullable(),
  error: z.string().nullable(),
  userId: z.string().nullable(),
});

/** The email outbox, for admins (mounted as `outbox`). */
export const outboxRouter = router({
  list: adminProcedure
    .input(paginationInput.extend({ to: singleLineText({ max: 320 }).optional() }))
    .output(paginated(emailSummary))
    .query(({ ctx, input }) => listOutbox(ctx.db, input)),
  get: adminProcedure
    .input(z.object({ id: z.uuid() }))
    .output(emailDetail)
    .query(({ ctx, input }) => openOutboxEmail(ctx.db, input.id, { userId: ctx.user.id, ip: ctx.ip })),
});
