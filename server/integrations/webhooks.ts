import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { webhookDeliveries } from "@/db/schema";
import { emit } from "../jobs/emit";
import { AppError } from "../errors";
import { findConnectionByExternalUser } from "./connections";
import { providerSettings } from "./provider-config";
import { getProvider } from "./providers/registry";
import type { ProviderAdapter } from "./providers/types";

export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

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
 * happens in the job, so the provider gets its answer at once.
 */
export async function receiveWebhook(db: Database, req: WebhookRequest): Promise<WebhookAnswer> {
  const adapter = getProvider(req.providerId);
  if (!adapter) throw AppError.notFound("Provider");
  const secret = signingSecret(adapter);
  if (!secret) throw new AppError("UNAUTHORIZED", `Webhooks from ${adapter.displayName} are not configured on this server.`);
  const verdict = adapter.verifyWebhook({ rawBody: req.rawBody, headers: req.headers, secret, now: req.now ?? new Date() });
  if (!verdict.ok) throw new AppError("UNAUTHORIZED", `Webhook signature rejected (${verdict.reason}).`);
  const parsed = adapter.parseWebhook(req.rawBody, req.headers);

  let accepted = 0;
  let duplicates = 0;
  // One body may carry many deliveries for the same person (Fitbit, Garmin): look each person up once.
  const connections = new Map<string, Awaited<ReturnType<typeof findConnectionByExternalUser>>>();
  for (const delivery of parsed.deliveries) {
    if (!connections.has(delivery.externalUserId)) {
      connections.set(delivery.externalUserId, await findConnectionByExternalUser(db, adapter.id, delivery.externalUserId));
    }
    const connection = connections.get(delivery.externalUserId);
    const [row] = await db
      .insert(webhookDeliveries)
      .values({
        provider: adapter.id,
        idempotencyKey: delivery.idempotencyKey,
        eventType: delivery.eventType,
        externalUserId: delivery.externalUserId,
        userId: connection?.userId ?? null,
        body: delivery,
      })
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id });
    if (!row) {
      duplicates++;
      continue;
    }
    try {
      await emit(db, "integrations/webhook.received", { deliveryId: row.id, provider: adapter.id, userId: connection?.userId ?? null }, { id: `webhook-${row.id}` });
    } catch (error) {
      // Not queued → not stored, so the provider's retry is processed rather than taken for a duplicate.
      await db.delete(webhookDeliveries).where(eq(webhookDeliveries.id, row.id));
      throw error;
    }
    accepted++;
  }
  return { status: 200, body: { accepted, duplicates } };
}
