import { z } from "zod";
import type { FetchRangeInput, FetchRangeResult, ParsedWebhook, ProviderAdapter, ProviderHttp, ProviderRecord, WebhookDelivery } from "./types";
import { normalizeGarmin } from "./garmin-normalize";
import {
  GARMIN_KEY_ALIASES,
  GARMIN_SUMMARY_SCHEMAS,
  GARMIN_SUMMARY_TYPES,
  garminDeregistrationSchema,
  garminPermissionChangeSchema,
  garminPingSchema,
  isGarminSummaryType,
  type GarminSummaryType,
} from "./garmin-schema";
import { ProviderHttpError } from "./shared/errors";
import { sha256Hex, signaturesEqual } from "./shared/hmac";
import { getJson, send } from "./shared/http";
import { parseBody, parseValue } from "./shared/parse";

/** Garmin accepts backfill requests of at most 90 days. */
const BACKFILL_WINDOW_SECONDS = 90 * 86_400;

const pushBody = z.record(z.string(), z.array(z.record(z.string(), z.unknown())));

function summaryRecord(type: GarminSummaryType, item: unknown, path: string): ProviderRecord & { userId: string } {
  const parsed = parseValue(item, GARMIN_SUMMARY_SCHEMAS[type], `A Garmin ${type} summary does not have the documented shape.`, path);
  return { recordType: type, recordId: parsed.summaryId, payload: item, userId: parsed.userId };
}

function parseGarminWebhook(rawBody: string): ParsedWebhook {
  const body = parseBody(rawBody, pushBody);
  const digest = sha256Hex(rawBody);
  const deliveries: WebhookDelivery[] = [];
  for (const [key, items] of Object.entries(body)) {
    if (key === "deregistrations" || key === "userPermissionsChange") {
      const schema = key === "deregistrations" ? garminDeregistrationSchema : garminPermissionChangeSchema;
      items.forEach((item, i) => {
        const { userId } = parseValue(item, schema, `A Garmin ${key} entry is malformed.`, `${key}.${i}`);
        deliveries.push({
          externalUserId: userId,
          eventType: key,
          idempotencyKey: `garmin:${digest}:${key}:${i}`,
          records: [],
          lifecycle: key === "deregistrations" ? "deauth" : "permissions_changed",
        });
      });
      continue;
    }
    const type = GARMIN_KEY_ALIASES[key] ?? key;
    // Summary types BioSync does not read (stressDetails, userMetrics, …) are acknowledged and dropped.
    if (!isGarminSummaryType(type)) continue;
    const byUser = new Map<string, ProviderRecord[]>();
    items.forEach((item, i) => {
      if ("callbackURL" in item) {
        const ping = parseValue(item, garminPingSchema, `A Garmin ${key} ping is malformed.`, `${key}.${i}`);
        deliveries.push({ externalUserId: ping.userId, eventType: `${type}.ping`, idempotencyKey: `garmin:${digest}:${key}:${i}`, records: [], fetch: { resource: type, url: ping.callbackURL } });
        return;
      }
      const { userId, ...record } = summaryRecord(type, item, `${key}.${i}`);
      byUser.set(userId, [...(byUser.get(userId) ?? []), record]);
    });
    for (const [userId, records] of byUser) {
      deliveries.push({ externalUserId: userId, eventType: type, idempotencyKey: `garmin:${digest}:${key}:${userId}`, records });
    }
  }
  return { deliveries };
}

/** Backfill: Garmin answers 202 and pushes the summaries later; the cursor walks 90-day windows. */
async function requestGarminBackfill(http: ProviderHttp, input: FetchRangeInput): Promise<FetchRangeResult> {
  if (!isGarminSummaryType(input.resource)) throw new ProviderHttpError(400, `Garmin summary type "${input.resource}" is not supported.`);
  const endSeconds = Math.floor(input.end.getTime() / 1000);
  const from = input.cursor ? Number(input.cursor) : Math.floor(input.start.getTime() / 1000);
  const to = Math.min(endSeconds, from + BACKFILL_WINDOW_SECONDS);
  await send(http, {
    path: `/wellness-api/rest/backfill/${input.resource}`,
    query: { summaryStartTimeInSeconds: from, summaryEndTimeInSeconds: to },
    accessToken: input.accessToken,
  });
  return { records: [], nextCursor: to < endSeconds ? String(to) : null, deferred: true };
}

export const garmin: ProviderAdapter = {
  id: "garmin",
  displayName: "Garmin",
  oauth: {
    authorizeUrl: "https://connect.garmin.com/oauth2Confirm",
    tokenUrl: "https://diauth.garmin.com/di-oauth2-service/oauth/token",
    revoke: { url: "https://apis.garmin.com/wellness-api/rest/user/registration", style: "bearer_delete" },
    // Garmin users choose permissions on its consent page; there are no scopes to request.
    defaultScopes: [],
    requiredScopes: [],
    scopeSeparator: " ",
    pkce: true,
    clientAuth: "body",
  },
  apiBaseUrl: "https://apis.garmin.com",
  webhookSecret: "client_id",
  resources: GARMIN_SUMMARY_TYPES,
  verifyWebhook: ({ headers, secret }) => {
    // No HMAC: Garmin identifies itself with the app's consumer key.
    const clientId = headers.get("garmin-client-id");
    if (!clientId) return { ok: false, reason: "missing_signature" };
    return signaturesEqual(secret, clientId.trim()) ? { ok: true } : { ok: false, reason: "bad_signature" };
  },
  parseWebhook: parseGarminWebhook,
  fetchRange: requestGarminBackfill,
  fetchTarget: async (http, { accessToken, target }) => {
    const type = target.resource;
    if (!isGarminSummaryType(type) || !target.url) throw new ProviderHttpError(400, "A Garmin fetch needs a summary type and a callback URL.");
    // The callback comes from a request authenticated only by the (non-secret) consumer key: never send the token elsewhere.
    if (new URL(target.url).origin !== new URL(http.baseUrl).origin) throw new ProviderHttpError(400, "The Garmin callback URL is not on Garmin's API host.");
    const items = await getJson(http, { path: target.url, accessToken }, z.array(z.unknown()));
    return items.map((item, i) => {
      const parsed = GARMIN_SUMMARY_SCHEMAS[type].safeParse(item);
      if (!parsed.success) throw new ProviderHttpError(502, `Garmin sent ${type}[${i}] of an unexpected shape.`);
      return { recordType: type, recordId: parsed.data.summaryId, payload: item };
    });
  },
  fetchIdentity: async (http, accessToken) => {
    const body = await getJson(http, { path: "/wellness-api/rest/user/id", accessToken }, z.object({ userId: z.string() }));
    return { externalUserId: body.userId };
  },
  normalize: (payload, ctx) => normalizeGarmin(payload, ctx.recordType),
};
