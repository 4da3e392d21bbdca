import { z } from "zod";
import { protectedProcedure, router } from "@/server/trpc";
import { openPortal, requireStripe, startCheckout } from "./checkout";
import { stripeConfigFrom } from "./config";

const redirectView = z.object({ url: z.url() });

/** Stripe: a Checkout Session to subscribe, a Customer Portal session to manage (both answer a URL to go to). */
export const billingRouter = router({
  checkout: protectedProcedure
    .input(z.object({ plan: z.enum(["pro", "team"]) }))
    .output(redirectView)
    .mutation(({ ctx, input }) => startCheckout(ctx.db, requireStripe(stripeConfigFrom()), ctx.user.id, input.plan)),
  portal: protectedProcedure.output(redirectView).mutation(({ ctx }) => openPortal(ctx.db, requireStripe(stripeConfigFrom()), ctx.user.id)),
});
