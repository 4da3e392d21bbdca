import { z } from "zod";
import type { FetchRangeInput, FetchRangeResult, ParsedWebhook, ProviderAdapter, ProviderHttp, ProviderRecord, WebhookDelivery } from "../types";
import { normalizeFitbit } from "./normalize";
import { FITBIT_RESOURCE_SCHEMAS, fitbitNotificationSchema, isFitbitResource, type FitbitResource } from "./schema";
import { ProviderHttpError } from "../shared/errors";
import { hmacDigest, sha256Hex, signaturesEqual } from "../shared/hmac";
import { getJson } from "../shared/http";
import { parseBody } from "../shared/parse";
import { addDaysUtc, isoDay } from "../shared/time";

/** Per-day resources take one request per day; the others take ranges of at most this many days. */
const RANGE_DAYS: Record<FitbitResource, number> = { activities: 1, heart: 1, sleep: 100, hrv: 30, weight: 31 };

/** What each notification collection means for us: the resources to fetch for its date. */
const COLLECTION_RESOURCES: Record<string, FitbitResource[]> = {
  activities: ["activities", "heart"],
  sleep: ["sleep", "hrv"],
  body: ["weight"],
};

function resourceOf(name: string): FitbitResource {
  if (!isFitbitResource(name)) throw new ProviderHttpError(400, `Fitbit resource "${name}" is not supported.`);
  return name;
}

function fitbitRecord(resource: FitbitResource, doc: unknown, recordId: string): ProviderRecord {
  if (!FITBIT_RESOURCE_SCHEMAS[resource].safeParse(doc).success) throw new ProviderHttpError(502, `Fitbit sent a ${resource} document of an unexpected shape.`);
  return { recordType: resource, recordId, payload: doc };
}

async function fetchWindow(http: ProviderHttp, accessToken: string | null, resource: FitbitResource, from: string, to: string): Promise<ProviderRecord[]> {
  const get = (path: string) => getJson(http, { path, accessToken }, z.record(z.string(), z.unknown()));
  switch (resource) {
    case "activities": {
      const body = await get(`/1/user/-/activities/date/${from}.json`);
      return [fitbitRecord(resource, { date: from, ...body }, from)];
    }
    case "heart": {
      const body = await get(`/1/user/-/activities/heart/date/${from}/1d/1min.json`);
      return [fitbitRecord(resource, { date: from, ...body }, from)];
    }
    case "sleep": {
      const body = await get(`/1.2/user/-/sleep/date/${from}/${to}.json`);
      const logs = z.array(z.object({ logId: z.number() }).loose()).safeParse(body.sleep ?? []);
      if (!logs.success) throw new ProviderHttpError(502, "Fitbit sent sleep logs of an unexpected shape.");
      return logs.data.map((log) => fitbitRecord(resource, log, String(log.logId)));
    }
    case "hrv": {
      const body = await get(`/1/user/-/hrv/date/${from}/${to}.json`);
      const days = z.array(z.object({ dateTime: z.string() }).loose()).safeParse(body.hrv ?? []);
      if (!days.success) throw new ProviderHttpError(502, "Fitbit sent HRV days of an unexpected shape.");
      return days.data.map((day) => fitbitRecord(resource, day, day.dateTime));
    }
    case "weight": {
      const body = await get(`/1/user/-/body/log/weight/date/${from}/${to}.json`);
      const logs = z.array(z.object({ logId: z.number() }).loose()).safeParse(body.weight ?? []);
      if (!logs.success) throw new ProviderHttpError(502, "Fitbit sent weight logs of an unexpected shape.");
      return logs.data.map((log) => fitbitRecord(resource, log, String(log.logId)));
    }
  }
}

/** Walks the range in windows; the cursor is the first date of the next window. */
async function fetchFitbitRange(http: ProviderHttp, input: FetchRangeInput): Promise<FetchRangeResult> {
  const resource = resourceOf(input.resource);
  const from = input.cursor ?? isoDay(input.start);
  const last = isoDay(input.end);
  const windowEnd = isoDay(addDaysUtc(new Date(`${from}T00:00:00Z`), RANGE_DAYS[resource] - 1));
  const to = windowEnd < last ? windowEnd : last;
  const records = await fetchWindow(http, input.accessToken, resource, from, to);
  const next = isoDay(addDaysUtc(new Date(`${to}T00:00:00Z`), 1));
  return { records, nextCursor: next <= last ? next : null };
}

function parseFitbitWebhook(rawBody: string): ParsedWebhook {
  const notifications = parseBody(rawBody, fitbitNotificationSchema);
  const digest = sha256Hex(rawBody);
  const deliveries: WebhookDelivery[] = [];
  notifications.forEach((n, i) => {
    const base = { externalUserId: n.ownerId, eventType: n.collectionType, idempotencyKey: `fitbit:${digest}:${i}`, records: [] };
    if (n.collectionType === "userRevokedAccess" || n.collectionType === "deleteUser") {
      deliveries.push({ ...base, lifecycle: "revoked" });
      return;
    }
    const resources = COLLECTION_RESOURCES[n.collectionType];
    // Food logs are not ingested: acknowledged and kept as a delivery without a fetch.
    if (!resources || !n.date) {
      deliveries.push(base);
      return;
    }
    resources.forEach((resource) => deliveries.push({ ...base, idempotencyKey: `${base.idempotencyKey}:${resource}`, fetch: { resource, start: n.date ?? undefined, end: n.date ?? undefined } }));
  });
  return { deliveries };
}

export const fitbit: ProviderAdapter = {
  id: "fitbit",
  displayName: "Fitbit",
  oauth: {
    authorizeUrl: "https://www.fitbit.com/oauth2/authorize",
    tokenUrl: "https://api.fitbit.com/oauth2/token",
    revoke: { url: "https://api.fitbit.com/oauth2/revoke", style: "rfc7009" },
    defaultScopes: ["activity", "heartrate", "sleep", "weight", "profile"],
    requiredScopes: ["activity", "heartrate", "sleep"],
    scopeSeparator: " ",
    pkce: true,
    clientAuth: "basic",
  },
  apiBaseUrl: "https://api.fitbit.com",
  webhookSecret: "client_secret",
  resources: ["activities", "heart", "sleep", "hrv", "weight"],
  verifyWebhook: ({ rawBody, headers, secret }) => {
    const signature = headers.get("x-fitbit-signature");
    if (!signature) return { ok: false, reason: "missing_signature" };
    // Fitbit signs with the OAuth 1 style key `<client secret>&` and sends no timestamp (no replay window).
    const expected = hmacDigest("sha1", `${secret}&`, rawBody, "base64");
    return signaturesEqual(expected, signature.trim()) ? { ok: true } : { ok: false, reason: "bad_signature" };
  },
  handshake: (req, secrets) => {
    const code = req.url.searchParams.get("verify");
    if (req.method !== "GET" || code === null) return null;
    return new Response(null, { status: signaturesEqual(secrets.verificationToken, code) ? 204 : 404 });
  },
  parseWebhook: parseFitbitWebhook,
  fetchRange: fetchFitbitRange,
  fetchTarget: async (http, { accessToken, target }) => {
    const resource = resourceOf(target.resource);
    if (!target.start) throw new ProviderHttpError(400, "A Fitbit fetch needs a date.");
    const from = target.start.slice(0, 10);
    return fetchWindow(http, accessToken, resource, from, (target.end ?? from).slice(0, 10));
  },
  fetchIdentity: async (http, accessToken) => {
    const profile = await getJson(http, { path: "/1/user/-/profile.json", accessToken }, z.object({ user: z.object({ encodedId: z.string(), timezone: z.string().nullish() }) }));
    return { externalUserId: profile.user.encodedId, timeZone: profile.user.timezone ?? null };
  },
  normalize: (payload, ctx) => normalizeFitbit(payload, ctx.recordType, ctx.timeZone),
};
