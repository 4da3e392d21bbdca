import { z } from "zod";
import type { FetchRangeInput, FetchRangeResult, ProviderAdapter, ProviderHttp } from "../types";
import { normalizeTerraRecord } from "./normalize";
import { terraEnvelopeSchema, type TerraDataType } from "./schema";
import { parseTerraStyleWebhook, terraRecords } from "./webhook";
import { ProviderHttpError } from "../shared/errors";
import { getJson } from "../shared/http";
import { verifyTerraStyle } from "../shared/signature";

/** Terra answers inline up to about a month; longer ranges are walked in windows of this size. */
const WINDOW_MS = 28 * 86_400_000;
const TERRA_RESOURCES = ["daily", "sleep", "activity", "body", "nutrition"] as const satisfies readonly TerraDataType[];

const restResponse = terraEnvelopeSchema.extend({ type: z.string() });

async function fetchTerraRange(http: ProviderHttp, input: FetchRangeInput): Promise<FetchRangeResult> {
  const resource = TERRA_RESOURCES.find((r) => r === input.resource);
  if (!resource) throw new ProviderHttpError(400, `Terra has no resource "${input.resource}".`);
  if (!http.apiKey) throw new ProviderHttpError(401, "Terra requests need the dev-id and API key.");
  if (!input.externalUserId) throw new ProviderHttpError(400, "Terra requests need the Terra user id.");
  const from = input.cursor ? new Date(input.cursor) : input.start;
  const to = new Date(Math.min(input.end.getTime(), from.getTime() + WINDOW_MS));
  const body = await getJson(
    http,
    {
      path: `/v2/${resource}`,
      query: {
        user_id: input.externalUserId,
        start_date: Math.floor(from.getTime() / 1000),
        end_date: Math.floor(to.getTime() / 1000),
        to_webhook: "false",
        with_samples: "true",
      },
      headers: { "dev-id": http.apiKey.id, "x-api-key": http.apiKey.secret },
    },
    restResponse,
  );
  const nextCursor = to.getTime() < input.end.getTime() ? to.toISOString() : null;
  // Terra may still decide a request is too large and stream it by webhook instead.
  if (!body.data) return { records: [], nextCursor, deferred: body.type.startsWith("large_request") || body.status === "processing" };
  return { records: terraRecords(resource, body.data), nextCursor };
}

export const terra: ProviderAdapter = {
  id: "terra",
  displayName: "Terra",
  // Terra connects users through its widget session, not a plain OAuth code flow.
  oauth: null,
  apiBaseUrl: "https://api.tryterra.co",
  webhookSecret: "webhook_secret",
  resources: TERRA_RESOURCES,
  verifyWebhook: ({ rawBody, headers, secret, now }) => verifyTerraStyle(headers.get("terra-signature"), rawBody, secret, now),
  parseWebhook: (rawBody) => parseTerraStyleWebhook(rawBody, "terra"),
  fetchRange: fetchTerraRange,
  normalize: (payload, ctx) => normalizeTerraRecord(payload, ctx.recordType, "terra"),
};
