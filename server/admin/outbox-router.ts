import { z } from "zod";
import { adminProcedure, router } from "../trpc";
import { actorOf } from "./admin-audit";
import { resendFailedEmail } from "./email-retry";

/** Admin actions on the email outbox (mounted as `admin.outbox`; reading it is `outbox.*`). */
export const adminOutboxRouter = router({
  resend: adminProcedure
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => resendFailedEmail(ctx.db, actorOf(ctx), input.id)),
});
