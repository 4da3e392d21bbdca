import { buildDemoDeliveries, generateDemoDays } from "../../demo/generator";
import { demoWebhookSecret } from "../config";
import { DEMO_SIGNATURE_HEADER, signDemoWebhook } from "../demo/adapter";
import type { RegisteredProviderId } from "../registry";
import { hmacDigest } from "../shared/hmac";
import { signTerraStyle } from "../shared/signature";
import { TERRA_USER, terraBody, terraDailyRecord } from "../terra/testing/fixtures";

/**
 * How each registered provider signs its webhooks, as the provider itself would: the secret the
 * server is configured with, the signed headers of a body, and a genuine notification. Keyed by
 * every registered provider, so adding a provider without saying how it signs fails the type check.
 */
export interface WebhookSigner {
  /** The variables that configure this provider's webhooks on the server. */
  env: Record<string, string>;
  /** Whether the signature covers a timestamp (and so a replay window applies). */
  timestamped: boolean;
  /** The headers the provider sends with `rawBody`, signed at `at`. */
  sign(rawBody: string, at: Date): Record<string, string>;
  /** A notification as the provider documents it. */
  sampleBody(): string;
}

const json = { "content-type": "application/json" };
const SECRET = { terra: "matrix-terra-webhook-secret", oura: "matrix-oura-client-secret", whoop: "matrix-whoop-client-secret", fitbit: "matrix-fitbit-client-secret" };
const GARMIN_CONSUMER_KEY = "matrix-garmin-consumer-key";

export const webhookSigners: Record<RegisteredProviderId, WebhookSigner> = {
  terra: {
    env: { TERRA_WEBHOOK_SECRET: SECRET.terra },
    timestamped: true,
    sign: (raw, at) => ({ ...json, "terra-signature": signTerraStyle(raw, SECRET.terra, at) }),
    sampleBody: () => terraBody("daily", [terraDailyRecord(9_412, 2_310)], { ...TERRA_USER, user_id: "terra-matrix-user" }),
  },
  oura: {
    env: { OURA_CLIENT_ID: "matrix-oura-client", OURA_CLIENT_SECRET: SECRET.oura },
    timestamped: true,
    sign: (raw, at) => {
      const t = String(Math.floor(at.getTime() / 1000));
      return { ...json, "x-oura-timestamp": t, "x-oura-signature": hmacDigest("sha256", SECRET.oura, `${t}${raw}`, "hex").toUpperCase() };
    },
    sampleBody: () =>
      JSON.stringify({ event_type: "update", data_type: "sleep", object_id: "sleep-doc-1", event_time: "2024-03-11T06:59:00+00:00", user_id: "oura-matrix-user" }),
  },
  whoop: {
    env: { WHOOP_CLIENT_ID: "matrix-whoop-client", WHOOP_CLIENT_SECRET: SECRET.whoop },
    timestamped: true,
    sign: (raw, at) => {
      const t = String(at.getTime());
      return { ...json, "x-whoop-signature-timestamp": t, "x-whoop-signature": hmacDigest("sha256", SECRET.whoop, `${t}${raw}`, "base64") };
    },
    sampleBody: () => JSON.stringify({ user_id: 10129, id: "ecfc6a15-4661-442f-a9a4-f160dd7afae8", type: "sleep.updated", trace_id: "e369c784-5100-49e8-8098-75d35c47b31b" }),
  },
  fitbit: {
    env: { FITBIT_CLIENT_ID: "matrix-fitbit-client", FITBIT_CLIENT_SECRET: SECRET.fitbit },
    timestamped: false,
    sign: (raw) => ({ ...json, "x-fitbit-signature": hmacDigest("sha1", `${SECRET.fitbit}&`, raw, "base64") }),
    sampleBody: () => '[{"collectionType":"sleep","date":"2024-03-11","ownerId":"7MATRIX","ownerType":"user","subscriptionId":"biosync-1"}]',
  },
  // Garmin signs nothing: it names the app's consumer key, which is public.
  garmin: {
    env: { GARMIN_CLIENT_ID: GARMIN_CONSUMER_KEY, GARMIN_CLIENT_SECRET: "matrix-garmin-secret" },
    timestamped: false,
    sign: () => ({ ...json, "garmin-client-id": GARMIN_CONSUMER_KEY }),
    sampleBody: () =>
      JSON.stringify({
        dailies: [{ userId: "garmin-matrix-user", summaryId: "daily-matrix", calendarDate: "2024-03-11", startTimeInSeconds: 1_710_111_600, startTimeOffsetInSeconds: 3_600, durationInSeconds: 86_400, steps: 8_000 }],
      }),
  },
  demo: {
    env: { DEMO_WEBHOOK_SECRET: "matrix-demo-webhook-secret" },
    timestamped: true,
    // Whatever secret the server resolved (the variable, or the one generated under .data/).
    sign: (raw, at) => ({ ...json, [DEMO_SIGNATURE_HEADER]: signDemoWebhook(raw, demoWebhookSecret(), at) }),
    sampleBody: () => {
      const days = generateDemoDays({ seed: "webhook-matrix", missingNightRate: 0, gapDays: 0, userRef: "demo-matrix-user", providerUserId: "demo-matrix-user", startDate: "2026-03-06", days: 1, homeTimeZone: "UTC", trip: false, duplicateRate: 0, revision: false });
      return buildDemoDeliveries(days, { secret: "unused" })[0]!.body;
    },
  },
};
