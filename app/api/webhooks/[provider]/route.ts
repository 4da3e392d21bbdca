import { getDb } from "@/db";
import { AppError, errorResponse } from "@/server/errors";
import { answerHandshake, MAX_WEBHOOK_BYTES, readBodyWithin, receiveWebhook } from "@/server/health/ingestion/webhooks";
import { logger } from "@/server/logger";
import { withRequestMetrics } from "@/server/platform/telemetry/http";
import { requestId } from "@/server/request";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ provider: string }> };

export const GET = withRequestMetrics("/api/webhooks/[provider]", async (req: Request, { params }: Params) => {
  const { provider } = await params;
  return answerHandshake({ providerId: provider, method: "GET", url: new URL(req.url), headers: req.headers, rawBody: "" });
});

export const POST = withRequestMetrics("/api/webhooks/[provider]", async (req: Request, { params }: Params) => {
  const { provider } = await params;
  const id = requestId(req.headers);
  try {
    const declared = Number(req.headers.get("content-length") ?? 0);
    if (declared > MAX_WEBHOOK_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "Webhook body too large.");
    const rawBody = await readBodyWithin(req.body, MAX_WEBHOOK_BYTES);
    const answer = await receiveWebhook(await getDb(), { providerId: provider, method: "POST", url: new URL(req.url), headers: req.headers, rawBody });
    return Response.json(answer.body, { status: answer.status, headers: { "x-request-id": id } });
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) logger.error({ err: error, provider, requestId: id }, "webhook failed");
    else logger.warn({ provider, requestId: id, reason: error.message }, "webhook rejected");
    return errorResponse(error, id);
  }
});
