import { getDb } from "@/db";
import { stripeConfigFrom } from "@/server/account/billing/config";
import { handleStripeEvent, verifyStripeEvent } from "@/server/account/billing/webhook";
import { AppError, errorResponse } from "@/server/errors";
import { MAX_WEBHOOK_BYTES, readBodyWithin } from "@/server/health/ingestion/webhooks";
import { logger } from "@/server/logger";
import { requestId } from "@/server/request";

export const dynamic = "force-dynamic";

/** Stripe's subscription lifecycle: verified on the raw body, applied once per event id. */
export async function POST(req: Request) {
  const id = requestId(req.headers);
  try {
    const config = stripeConfigFrom();
    if (!config) throw new AppError("NOT_FOUND", "Stripe is not configured on this server.");
    const rawBody = await readBodyWithin(req.body, MAX_WEBHOOK_BYTES);
    const event = verifyStripeEvent(config, rawBody, req.headers.get("stripe-signature"));
    const result = await handleStripeEvent(await getDb(), config, event);
    return Response.json({ received: true, ...result }, { headers: { "x-request-id": id } });
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) logger.error({ err: error, requestId: id }, "Stripe webhook failed");
    else logger.warn({ requestId: id, reason: error.message }, "Stripe webhook refused");
    return errorResponse(error, id);
  }
}
