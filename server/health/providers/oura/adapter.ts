import { z } from "zod";
import type { FetchRangeInput, FetchRangeResult, ParsedWebhook, ProviderAdapter, ProviderHttp, ProviderRecord } from "../types";
import { normalizeOura } from "./normalize";
import { OURA_RESOURCES, OURA_RESOURCE_SCHEMAS, isOuraResource, ouraWebhookSchema, type OuraResource } from "./schema";
import { ProviderHttpError } from "../shared/errors";
import { sha256Hex, signaturesEqual } from "../shared/hmac";
import { getJson } from "../shared/http";
import { fetchAllPages } from "../shared/paging";
import { parseBody } from "../shared/parse";
import { verifyTimestampedHmac } from "../shared/signature";
import { isoDay } from "../shared/time";

const page = z.object({ data: z.array(z.unknown()), next_token: z.string().nullish() });

function ouraRecord(resource: OuraResource, doc: unknown): ProviderRecord {
  const parsed = OURA_RESOURCE_SCHEMAS[resource].safeParse(doc);
  if (!parsed.success) throw new ProviderHttpError(502, `Oura sent a ${resource} document of an unexpected shape.`);
  // Heart-rate readings carry no id: the instant is their identity.
  const recordId = "id" in parsed.data ? parsed.data.id : new Date(parsed.data.timestamp).toISOString();
  return { recordType: resource, recordId, payload: doc };
}

function resourceOf(name: string): OuraResource {
  if (!isOuraResource(name)) throw new ProviderHttpError(400, `Oura resource "${name}" is not supported.`);
  return name;
}

async function fetchOuraRange(http: ProviderHttp, input: FetchRangeInput): Promise<FetchRangeResult> {
  const resource = resourceOf(input.resource);
  // Heart rate is queried by instants, the daily collections by calendar dates.
  const range =
    resource === "heartrate"
      ? { start_datetime: input.start.toISOString(), end_datetime: input.end.toISOString() }
      : { start_date: isoDay(input.start), end_date: isoDay(input.end) };
  const body = await getJson(
    http,
    { path: `/v2/usercollection/${resource}`, query: { ...range, next_token: input.cursor }, accessToken: input.accessToken },
    page,
  );
  return { records: body.data.map((doc) => ouraRecord(resource, doc)), nextCursor: body.next_token ?? null };
}

function parseOuraWebhook(rawBody: string): ParsedWebhook {
  const body = parseBody(rawBody, ouraWebhookSchema);
  const base = { externalUserId: body.user_id, eventType: `${body.data_type}.${body.event_type}`, idempotencyKey: `oura:${sha256Hex(rawBody)}`, records: [] };
  if (body.event_type === "delete") {
    return { deliveries: [{ ...base, lifecycle: "deleted", deletedRecord: { recordType: body.data_type, recordId: body.object_id } }] };
  }
  return { deliveries: [{ ...base, fetch: { resource: body.data_type, id: body.object_id } }] };
}

export const oura: ProviderAdapter = {
  id: "oura",
  displayName: "Oura",
  oauth: {
    authorizeUrl: "https://cloud.ouraring.com/oauth/authorize",
    tokenUrl: "https://api.ouraring.com/oauth/token",
    revoke: { url: "https://api.ouraring.com/oauth/revoke", style: "access_token_query" },
    defaultScopes: ["personal", "daily", "heartrate", "spo2Daily"],
    requiredScopes: ["daily"],
    scopeSeparator: " ",
    pkce: false,
    clientAuth: "body",
  },
  apiBaseUrl: "https://api.ouraring.com",
  webhookSecret: "client_secret",
  resources: OURA_RESOURCES,
  verifyWebhook: ({ rawBody, headers, secret, now }) =>
    verifyTimestampedHmac({
      signature: headers.get("x-oura-signature"),
      timestamp: headers.get("x-oura-timestamp"),
      signedText: (t) => `${t}${rawBody}`,
      algorithm: "sha256",
      encoding: "hex",
      secret,
      now,
      caseInsensitive: true,
    }),
  handshake: (req, secrets) => {
    const token = req.url.searchParams.get("verification_token");
    const challenge = req.url.searchParams.get("challenge");
    if (req.method !== "GET" || token === null || challenge === null) return null;
    if (!signaturesEqual(secrets.verificationToken, token)) return Response.json({ error: "Verification token mismatch." }, { status: 401 });
    return Response.json({ challenge }, { status: 200 });
  },
  parseWebhook: parseOuraWebhook,
  fetchRange: fetchOuraRange,
  fetchTarget: async (http, { accessToken, target }) => {
    const resource = resourceOf(target.resource);
    if (!target.id) {
      if (!target.start || !target.end) throw new ProviderHttpError(400, "An Oura fetch needs a document id or a range.");
      return fetchAllPages(fetchOuraRange, http, { accessToken, resource, start: new Date(target.start), end: new Date(target.end) });
    }
    const doc = await getJson(http, { path: `/v2/usercollection/${resource}/${encodeURIComponent(target.id)}`, accessToken }, z.unknown());
    return [ouraRecord(resource, doc)];
  },
  fetchIdentity: async (http, accessToken) => {
    const info = await getJson(http, { path: "/v2/usercollection/personal_info", accessToken }, z.object({ id: z.string() }));
    return { externalUserId: info.id };
  },
  normalize: (payload, ctx) => normalizeOura(payload, ctx.recordType),
};
