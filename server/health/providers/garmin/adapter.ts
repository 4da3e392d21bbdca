import { z } from "zod";
import type { FetchRangeInput, FetchRangeResult, ParsedWebhook, ProviderAdapter, ProviderHttp, WebhookDelivery } from "../types";
import { normalizeGarmin } from "./normalize";
import {
  GARMIN_KEY_ALIASES,
  GARMIN_SUMMARY_SCHEMAS,
  GARMIN_SUMMARY_TYPES,
  garminDeregistrationSchema,
  garminPermissionChangeSchema,
  garminPingSchema,
  isGarminSummaryType,
  type GarminSummaryType,
} from "./schema";
import { ProviderHttpError } from "../shared/errors";
import { sha256Hex, signaturesEqual } from "../shared/hmac";
import { getJson, send } from "../shared/http";
import { parseBody, parseValue } from "../shared/parse";

/** Garmin accepts backfill requests of at most 90 days. */
const BACKFILL_WINDOW_SECONDS = 90 * 86_400;

const pushBody = z.record(z.string(), z.array(z.record(z.string(), z.unknown())));

/** Whose summary a push carries (the summary itself is not kept: see parseGarminWebhook). */
function summaryUserId(type: GarminSummaryType, item: unknown, path: string): string {
  return parseValue(item, GARMIN_SUMMARY_SCHEMAS[type], `A Garmin ${type} summary does not have the documented shape.`, path).userId;
}

const secondsOf = (iso: string | undefined) => (iso ? Math.floor(Date.parse(iso) / 1000) : null);

/** How far back a push makes us pull: Garmin's pull API serves at most 24 hours of uploads per request. */
const PULL_WINDOW_SECONDS = 86_400;

/**
 * Garmin does not sign its notifications (the `garmin-client-id` header is public), so a body is
 * only ever a hint: a ping's callback is pulled (from Garmin's API host only), a push's inline
 * summaries are dropped and that user's summaries of the type uploaded in the last 24 hours are
 * pulled instead. Whatever is stored comes from Garmin's API with the user's token.
 */
export function parseGarminWebhook(rawBody: string, now: Date = new Date()): ParsedWebhook {
  const body = parseBody(rawBody, pushBody);
  const digest = sha256Hex(rawBody);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const pullWindow = { start: new Date((nowSeconds - PULL_WINDOW_SECONDS) * 1000).toISOString(), end: new Date(nowSeconds * 1000).toISOString() };
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
    const pushedFor = new Set<string>();
    items.forEach((item, i) => {
      if ("callbackURL" in item) {
        const ping = parseValue(item, garminPingSchema, `A Garmin ${key} ping is malformed.`, `${key}.${i}`);
        deliveries.push({ externalUserId: ping.userId, eventType: `${type}.ping`, idempotencyKey: `garmin:${digest}:${key}:${i}`, records: [], fetch: { resource: type, url: ping.callbackURL } });
        return;
      }
      pushedFor.add(summaryUserId(type, item, `${key}.${i}`));
    });
    for (const userId of pushedFor) {
      deliveries.push({ externalUserId: userId, eventType: type, idempotencyKey: `garmin:${digest}:${key}:${userId}`, records: [], fetch: { resource: type, ...pullWindow } });
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

/** Is `url` the endpoint `path` of the configured Garmin API (same origin, under its base path)? */
export function isGarminApiUrl(http: Pick<ProviderHttp, "baseUrl">, url: string, path: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const base = new URL(http.baseUrl);
  return target.origin === base.origin && target.pathname === base.pathname.replace(/\/$/, "") + path;
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
  parseWebhook: (rawBody) => parseGarminWebhook(rawBody),
  fetchRange: requestGarminBackfill,
  fetchTarget: async (http, { accessToken, target }) => {
    const type = target.resource;
    if (!isGarminSummaryType(type)) throw new ProviderHttpError(400, `Garmin summary type "${type}" is not supported.`);
    const path = `/wellness-api/rest/${type}`;
    // The callback comes from a request authenticated only by the (non-secret) consumer key: never send the token elsewhere.
    if (target.url && !isGarminApiUrl(http, target.url, path)) throw new ProviderHttpError(400, "The Garmin callback URL is not Garmin's API for this summary type.");
    const request = target.url
      ? { path: target.url, accessToken }
      : { path, accessToken, query: { uploadStartTimeInSeconds: secondsOf(target.start), uploadEndTimeInSeconds: secondsOf(target.end) } };
    const items = await getJson(http, request, z.array(z.unknown()));
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
