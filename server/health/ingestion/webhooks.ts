import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { webhookDeliveries } from "@/db/schema";
import { emit } from "../../platform/jobs/emit";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { routeDelivery, type DeliveryRoute } from "../devices/connections";
import { providerHttp } from "../providers/http";
import { providerSettings } from "../providers/config";
import { getProvider } from "../providers/registry";
import type { ProviderAdapter, WebhookDelivery } from "../providers/types";

export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

/**
 * The request body as text, read until `maxBytes` and no further: a longer body (chunked, or
 * with a Content-Length that lies) is refused with PAYLOAD_TOO_LARGE as soon as it passes the limit.
 */
export async function readBodyWithin(body: ReadableStream<Uint8Array> | null, maxBytes: number = MAX_WEBHOOK_BYTES): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("PAYLOAD_TOO_LARGE", "Webhook body too large.");
    }
    pieces.push(value);
  }
  return Buffer.concat(pieces, size).toString("utf8");
}

export interface WebhookRequest {
  providerId: string;
  method: string;
  url: URL;
  headers: Headers;
  rawBody: string;
  now?: Date;
}

export interface WebhookAnswer {
  status: number;
  body: unknown;
}

/** Whether the provider signs its webhooks with a secret; Garmin only sends its client id, which is public. */
export function signsWebhooks(adapter: ProviderAdapter): boolean {
  return adapter.webhookSecret !== "client_id";
}

/** The secret this provider signs its webhooks with, or null when it is not configured here. */
export function signingSecret(adapter: ProviderAdapter): string | null {
  const settings = providerSettings(adapter.id);
  switch (adapter.webhookSecret) {
    case "client_secret":
      return settings.clientSecret;
    case "client_id":
      return settings.clientId;
    case "webhook_secret":
      return settings.webhookSecret;
  }
}

/**
 * A notification that names a URL to fetch (Garmin pings) is followed with the user's token, so
 * the URL must be on the provider's configured API host: anything else is refused and nothing stored.
 */
function refuseForeignCallbacks(adapter: ProviderAdapter, deliveries: WebhookDelivery[]): void {
  deliveries.forEach((delivery, i) => {
    const url = delivery.fetch?.url;
    if (!url) return;
    const api = new URL(providerHttp(adapter).baseUrl);
    if (URL.parse(url)?.origin !== api.origin) {
      throw AppError.field(`deliveries.${i}.callbackURL`, `The callback URL is not on ${adapter.displayName}'s API host (${api.host}).`);
    }
  });
}

/** Subscription handshakes (Oura challenge, Fitbit verify): GET requests. */
export function answerHandshake(req: WebhookRequest): Response {
  const adapter = getProvider(req.providerId);
  if (!adapter) return Response.json({ error: { code: "NOT_FOUND", message: "Unknown provider." } }, { status: 404 });
  const token = providerSettings(adapter.id).verificationToken;
  const answer = token ? adapter.handshake?.({ method: req.method, url: req.url, headers: req.headers }, { verificationToken: token }) : null;
  return answer ?? Response.json({ error: { code: "NOT_FOUND", message: "No handshake for this provider." } }, { status: 404 });
}

/**
 * Verifies, parses and stores a webhook, one row per delivery keyed by its idempotency key, and
 * emits one ingestion event per new delivery. A rejected request stores nothing. Processing
 * happens in the job, so the provider gets its answer at once. A delivery for a provider account
 * whose link was revoked or disconnected is stored as `ignored` with the reason, and not processed;
 * one for an account not linked yet is queued (the link may be completing), and the job routes it again.
 */
export async function receiveWebhook(db: Database, req: WebhookRequest): Promise<WebhookAnswer> {
  const adapter = getProvider(req.providerId);
  if (!adapter) throw AppError.notFound("Provider");
  const secret = signingSecret(adapter);
  if (!secret) throw new AppError("UNAUTHORIZED", `Webhooks from ${adapter.displayName} are not configured on this server.`);
  const verdict = adapter.verifyWebhook({ rawBody: req.rawBody, headers: req.headers, secret, now: req.now ?? new Date() });
  if (!verdict.ok) throw new AppError("UNAUTHORIZED", `Webhook signature rejected (${verdict.reason}).`);
  const parsed = adapter.parseWebhook(req.rawBody, req.headers);
  refuseForeignCallbacks(adapter, parsed.deliveries);

  let accepted = 0;
  let duplicates = 0;
  let ignored = 0;
  // One body may carry many deliveries for the same person (Fitbit, Garmin): look each person up once.
  const routes = new Map<string, DeliveryRoute>();
  for (const delivery of parsed.deliveries) {
    if (!routes.has(delivery.externalUserId)) routes.set(delivery.externalUserId, await routeDelivery(db, adapter.id, delivery.externalUserId));
    const { connection, reason, linkEnded } = routes.get(delivery.externalUserId)!;
    const [row] = await db
      .insert(webhookDeliveries)
      .values({
        provider: adapter.id,
        idempotencyKey: delivery.idempotencyKey,
        eventType: delivery.eventType,
        externalUserId: delivery.externalUserId,
        userId: connection?.userId ?? null,
        body: delivery,
        ...(linkEnded ? { status: "ignored" as const, error: reason, processedAt: new Date() } : {}),
      })
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id });
    if (!row) {
      duplicates++;
      continue;
    }
    if (linkEnded) {
      logger.info({ provider: adapter.id, deliveryId: row.id, eventType: delivery.eventType, reason }, "webhook delivery dropped");
      ignored++;
      continue;
    }
    try {
      await emit(db, "ingestion/webhook.received", { deliveryId: row.id, provider: adapter.id, userId: connection?.userId ?? null }, { id: `webhook-${row.id}` });
    } catch (error) {
      // Not queued → not stored, so the provider's retry is processed rather than taken for a duplicate.
      await db.delete(webhookDeliveries).where(eq(webhookDeliveries.id, row.id));
      throw error;
    }
    accepted++;
  }
  return { status: 200, body: { accepted, duplicates, ...(ignored ? { ignored } : {}) } };
}
