import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { webhookDeliveries } from "@/db/schema";
import { userTimeZone } from "../../account/profile/service";
import { logger } from "../../logger";
import { markConnection, routeDelivery, type Connection } from "../devices/connections";
import { deleteRecord, ingestRecords } from "./ingest";
import { providerHttp } from "../providers/http";
import { getProvider } from "../providers/registry";
import type { ProviderAdapter, ProviderRecord, WebhookDelivery } from "../providers/types";
import { recordWebhookSync } from "../devices/sync-runs";
import { ProviderHttpError, TokenExpiredError } from "../providers/shared/errors";
import { getFreshAccessToken, ReconnectRequiredError } from "../devices/token-refresh";
import { signsWebhooks } from "./webhooks";

export interface DeliveryOutcome {
  status: "processed" | "ignored";
  records: number;
  changed: number;
  /** Whose data it was (processed deliveries). */
  userId?: string;
  reason?: string;
}

/** Ingests what a stored webhook delivery carries or points at. Safe to run again: already processed → no-op. */
export async function processDelivery(db: Database, deliveryId: string, opts: { fetch?: typeof fetch } = {}): Promise<DeliveryOutcome> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return { status: "ignored", records: 0, changed: 0, reason: "delivery not found" };
  if (row.status === "processed" || row.status === "ignored") return { status: row.status, records: 0, changed: 0 };
  const adapter = getProvider(row.provider);
  const delivery = row.body as WebhookDelivery;
  // Routed again now: the link may have been revoked or moved to another user since the delivery arrived.
  const route = adapter ? await routeDelivery(db, adapter.id, delivery.externalUserId) : { connection: null, reason: "unknown provider" };
  const connection = route.connection;
  const ignore = async (reason: string): Promise<DeliveryOutcome> => {
    logger.info({ provider: row.provider, deliveryId, reason }, "webhook delivery dropped");
    await db.update(webhookDeliveries).set({ status: "ignored", error: reason, processedAt: new Date() }).where(eq(webhookDeliveries.id, deliveryId));
    return { status: "ignored", records: 0, changed: 0, reason };
  };
  if (!adapter || !connection) return ignore(route.reason ?? "unknown provider");
  const fetchImpl = opts.fetch ?? fetch;
  const unconfirmed = await unconfirmedRevocation(db, adapter, connection, delivery, fetchImpl);
  if (unconfirmed) return ignore(unconfirmed);

  const run = { userId: connection.userId, provider: adapter.id, connectionId: connection.id, startedAt: new Date() };
  try {
    const outcome = await applyDelivery(db, adapter, connection, delivery, fetchImpl);
    await recordWebhookSync(db, { ...run, records: outcome.records });
    await db
      .update(webhookDeliveries)
      .set({ status: "processed", userId: connection.userId, error: null, processedAt: new Date() })
      .where(eq(webhookDeliveries.id, deliveryId));
    await markConnection(db, connection.id, { lastSyncAt: new Date() });
    return { status: "processed", userId: connection.userId, ...outcome };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordWebhookSync(db, { ...run, records: 0, error: message });
    await db.update(webhookDeliveries).set({ status: "failed", error: message }).where(eq(webhookDeliveries.id, deliveryId));
    throw error;
  }
}

/**
 * A provider that does not sign its webhooks (Garmin) could be impersonated to cut a user off:
 * its "access ended" notice is believed only once its API refuses the user's token. Returns why
 * the notice is dropped, or null to act on it.
 */
async function unconfirmedRevocation(db: Database, adapter: ProviderAdapter, connection: Connection, delivery: WebhookDelivery, fetchImpl: typeof fetch): Promise<string | null> {
  if (delivery.lifecycle !== "deauth" && delivery.lifecycle !== "revoked") return null;
  if (signsWebhooks(adapter) || !adapter.fetchIdentity) return null;
  try {
    const accessToken = await getFreshAccessToken(db, connection, { fetch: fetchImpl });
    await adapter.fetchIdentity(providerHttp(adapter, fetchImpl), accessToken);
  } catch (error) {
    if (error instanceof TokenExpiredError || error instanceof ReconnectRequiredError || (error instanceof ProviderHttpError && error.status === 403)) return null;
    throw error;
  }
  return `${adapter.displayName} still accepts this user's token: the ${delivery.eventType} notice is not confirmed`;
}

async function applyDelivery(
  db: Database,
  adapter: ProviderAdapter,
  connection: Connection,
  delivery: WebhookDelivery,
  fetchImpl: typeof fetch,
): Promise<{ records: number; changed: number }> {
  if (delivery.lifecycle === "deauth" || delivery.lifecycle === "revoked") {
    await markConnection(db, connection.id, { status: "revoked", lastError: "Access was revoked at the provider. Reconnect to resume syncing." });
    return { records: 0, changed: 0 };
  }
  if (delivery.lifecycle === "deleted" && delivery.deletedRecord) {
    await deleteRecord(db, { userId: connection.userId, source: adapter.id, ...delivery.deletedRecord });
    return { records: 1, changed: 1 };
  }
  let records: ProviderRecord[] = delivery.records;
  if (delivery.fetch && adapter.fetchTarget) {
    const accessToken = await getFreshAccessToken(db, connection, { fetch: fetchImpl });
    records = await adapter.fetchTarget(providerHttp(adapter, fetchImpl), { accessToken, target: delivery.fetch });
  }
  return ingestProviderRecords(db, adapter, connection.userId, records);
}

/** Raw provider records → raw rows, normalized samples and rollups, through the one ingestion path. */
export async function ingestProviderRecords(db: Database, adapter: ProviderAdapter, userId: string, records: ProviderRecord[]) {
  if (records.length === 0) return { records: 0, changed: 0 };
  const timeZone = await userTimeZone(db, userId);
  const result = await ingestRecords(db, {
    userId,
    source: adapter.id,
    timeZone,
    records,
    normalize: (record) => adapter.normalize(record.payload, { recordType: record.recordType, timeZone }),
  });
  return { records: result.records, changed: result.changed };
}
