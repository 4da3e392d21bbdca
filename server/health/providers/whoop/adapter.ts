import { z } from "zod";
import type { FetchRangeInput, FetchRangeResult, ParsedWebhook, ProviderAdapter, ProviderHttp, ProviderRecord } from "../types";
import { normalizeWhoop } from "./normalize";
import { WHOOP_PATHS, WHOOP_RESOURCE_SCHEMAS, isWhoopResource, whoopWebhookSchema, type WhoopResource } from "./schema";
import { ProviderHttpError } from "../shared/errors";
import { sha256Hex } from "../shared/hmac";
import { getJson } from "../shared/http";
import { fetchAllPages } from "../shared/paging";
import { parseBody } from "../shared/parse";
import { verifyTimestampedHmac } from "../shared/signature";

const PAGE_SIZE = 25;
const page = z.object({ records: z.array(z.unknown()), next_token: z.string().nullish() });

function resourceOf(name: string): WhoopResource {
  if (!isWhoopResource(name)) throw new ProviderHttpError(400, `WHOOP resource "${name}" is not supported.`);
  return name;
}

/** Identity: sleep/workout UUID, cycle id; a recovery by its sleep's id (what WHOOP's recovery webhooks name). */
function whoopRecord(resource: WhoopResource, doc: unknown): ProviderRecord {
  const parsed = WHOOP_RESOURCE_SCHEMAS[resource].safeParse(doc);
  if (!parsed.success) throw new ProviderHttpError(502, `WHOOP sent a ${resource} document of an unexpected shape.`);
  const data = parsed.data;
  const recordId = "sleep_id" in data ? data.sleep_id : String(data.id);
  const revisionAt = data.updated_at ? new Date(data.updated_at) : null;
  return { recordType: resource, recordId, payload: doc, revisionAt };
}

async function fetchWhoopRange(http: ProviderHttp, input: FetchRangeInput): Promise<FetchRangeResult> {
  const resource = resourceOf(input.resource);
  const body = await getJson(
    http,
    {
      path: WHOOP_PATHS[resource],
      query: { start: input.start.toISOString(), end: input.end.toISOString(), limit: PAGE_SIZE, nextToken: input.cursor },
      accessToken: input.accessToken,
    },
    page,
  );
  return { records: body.records.map((doc) => whoopRecord(resource, doc)), nextCursor: body.next_token || null };
}

function parseWhoopWebhook(rawBody: string): ParsedWebhook {
  const body = parseBody(rawBody, whoopWebhookSchema);
  const [resource, action] = body.type.split(".") as [WhoopResource, "updated" | "deleted"];
  const base = {
    externalUserId: body.user_id,
    eventType: body.type,
    idempotencyKey: body.trace_id ? `whoop:${body.trace_id}` : `whoop:${sha256Hex(rawBody)}`,
    records: [],
  };
  if (action === "deleted") return { deliveries: [{ ...base, lifecycle: "deleted", deletedRecord: { recordType: resource, recordId: body.id } }] };
  return { deliveries: [{ ...base, fetch: { resource, id: body.id } }] };
}

async function fetchWhoopTarget(http: ProviderHttp, accessToken: string, resource: WhoopResource, id: string): Promise<ProviderRecord[]> {
  const one = (path: string) => getJson(http, { path, accessToken }, z.unknown());
  if (resource === "recovery") {
    // Recovery events name the sleep; the recovery (and its cycle's strain) hang off that sleep's cycle.
    const sleep = whoopRecord("sleep", await one(`${WHOOP_PATHS.sleep}/${encodeURIComponent(id)}`));
    const cycleId = (sleep.payload as { cycle_id?: number }).cycle_id;
    if (cycleId === undefined) return [sleep];
    const [recovery, cycle] = await Promise.all([one(`/v2/cycle/${cycleId}/recovery`), one(`/v2/cycle/${cycleId}`)]);
    return [whoopRecord("recovery", recovery), whoopRecord("cycle", cycle)];
  }
  return [whoopRecord(resource, await one(`${WHOOP_PATHS[resource]}/${encodeURIComponent(id)}`))];
}

export const whoop: ProviderAdapter = {
  id: "whoop",
  displayName: "WHOOP",
  oauth: {
    authorizeUrl: "https://api.prod.whoop.com/oauth/oauth2/auth",
    tokenUrl: "https://api.prod.whoop.com/oauth/oauth2/token",
    revoke: { url: "https://api.prod.whoop.com/developer/v2/user/access", style: "bearer_delete" },
    defaultScopes: ["read:sleep", "read:recovery", "read:cycles", "read:workout", "read:profile", "offline"],
    requiredScopes: ["read:sleep", "read:recovery", "offline"],
    scopeSeparator: " ",
    pkce: false,
    clientAuth: "body",
    extraRefreshParams: { scope: "offline" },
  },
  apiBaseUrl: "https://api.prod.whoop.com/developer",
  webhookSecret: "client_secret",
  resources: ["sleep", "recovery", "cycle", "workout"],
  verifyWebhook: ({ rawBody, headers, secret, now }) =>
    verifyTimestampedHmac({
      signature: headers.get("x-whoop-signature"),
      timestamp: headers.get("x-whoop-signature-timestamp"),
      signedText: (t) => `${t}${rawBody}`,
      algorithm: "sha256",
      encoding: "base64",
      secret,
      now,
    }),
  parseWebhook: parseWhoopWebhook,
  fetchRange: fetchWhoopRange,
  fetchTarget: async (http, { accessToken, target }) => {
    const resource = resourceOf(target.resource);
    if (target.id) return fetchWhoopTarget(http, accessToken, resource, target.id);
    if (!target.start || !target.end) throw new ProviderHttpError(400, "A WHOOP fetch needs a document id or a range.");
    return fetchAllPages(fetchWhoopRange, http, { accessToken, resource, start: new Date(target.start), end: new Date(target.end) });
  },
  fetchIdentity: async (http, accessToken) => {
    const profile = await getJson(http, { path: "/v2/user/profile/basic", accessToken }, z.object({ user_id: z.union([z.number(), z.string()]) }));
    return { externalUserId: String(profile.user_id) };
  },
  normalize: (payload, ctx) => normalizeWhoop(payload, ctx.recordType),
};
