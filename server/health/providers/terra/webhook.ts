import { AppError } from "@/server/errors";
import type { ProviderId } from "../../types";
import type { LifecycleEvent, ParsedWebhook, ProviderRecord, WebhookDelivery } from "../types";
import { terraRecordId } from "./identity";
import { isTerraDataType } from "./normalize";
import { TERRA_RECORD_SCHEMAS, terraEnvelopeSchema, validatedTerraRecords, type TerraDataType } from "./schema";
import { sha256Hex } from "../shared/hmac";
import { parseBody, parseValue } from "../shared/parse";

const LIFECYCLE: Partial<Record<string, LifecycleEvent>> = {
  auth: "auth",
  deauth: "deauth",
  user_reauth: "reauth",
  access_revoked: "revoked",
  connection_error: "connection_error",
};

/** Validates each item of `data` with its type's schema; the raw item is what is kept. */
export function terraRecords(type: TerraDataType, data: readonly unknown[], pathPrefix = "data"): ProviderRecord[] {
  const schema = TERRA_RECORD_SCHEMAS[type];
  return data.map((item, i) => {
    const parsed = parseValue(item, schema, `data[${i}] is not a valid Terra ${type} record.`, `${pathPrefix}.${i}`) as { metadata?: { start_time: string; end_time: string; summary_id?: string | null } };
    if (typeof item === "object" && item !== null) validatedTerraRecords.set(item, parsed);
    return { recordType: type, recordId: terraRecordId(type, parsed.metadata), payload: item };
  });
}

/** Parses a body in Terra's webhook shape (Terra itself and the demo provider). */
export function parseTerraStyleWebhook(rawBody: string, provider: ProviderId): ParsedWebhook {
  const body = parseBody(rawBody, terraEnvelopeSchema);
  const idempotencyKey = `${provider}:${sha256Hex(rawBody)}`;
  if (body.type === "healthcheck") return { deliveries: [] };
  const user = body.type === "user_reauth" ? body.new_user : body.user;
  if (!user) throw AppError.field(body.type === "user_reauth" ? "new_user" : "user", "The event names no user.");
  const delivery: WebhookDelivery = { externalUserId: user.user_id, eventType: body.type, idempotencyKey, records: [] };
  const lifecycle = LIFECYCLE[body.type];
  if (lifecycle) delivery.lifecycle = lifecycle;
  if (body.type === "user_reauth" && body.old_user) delivery.replacesExternalUserId = body.old_user.user_id;
  if (isTerraDataType(body.type)) delivery.records = terraRecords(body.type, body.data ?? []);
  return { deliveries: [delivery] };
}
