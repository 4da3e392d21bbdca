import { z } from "zod";
import type { ProviderAdapter } from "../types";
import { normalizeTerraRecord } from "../terra/normalize";
import {
  terraActivitySchema,
  terraBodySchema,
  terraDailySchema,
  terraNutritionSchema,
  terraSleepSchema,
} from "../terra/schema";
import { parseTerraStyleWebhook } from "../terra/webhook";
import { signTerraStyle, verifyTerraStyle } from "../shared/signature";

/**
 * The simulated provider. Its webhooks use Terra's documented body shape
 * (`{type, user:{user_id, provider:"DEMO"}, data:[…]}`) so the Terra normalizer serves both, and
 * Terra's signature scheme under its own header: `x-demo-signature: t=<unix s>,v1=<hex>` with
 * v1 = HMAC-SHA256(secret, `${t}.${rawBody}`). The demo generator builds payloads against the
 * schemas and types exported here and signs them with `signDemoWebhook`.
 */
export const DEMO_SIGNATURE_HEADER = "x-demo-signature";
export const DEMO_DATA_TYPES = ["sleep", "daily", "activity", "body", "nutrition"] as const;
export type DemoDataType = (typeof DEMO_DATA_TYPES)[number];

export const demoRecordSchemas = {
  sleep: terraSleepSchema,
  daily: terraDailySchema,
  activity: terraActivitySchema,
  body: terraBodySchema,
  nutrition: terraNutritionSchema,
} as const satisfies Record<DemoDataType, z.ZodType>;

export type DemoSleepRecord = z.input<typeof terraSleepSchema>;
export type DemoDailyRecord = z.input<typeof terraDailySchema>;
export type DemoActivityRecord = z.input<typeof terraActivitySchema>;
export type DemoBodyRecord = z.input<typeof terraBodySchema>;
export type DemoNutritionRecord = z.input<typeof terraNutritionSchema>;

export const demoUserSchema = z.object({
  user_id: z.string().min(1),
  provider: z.literal("DEMO"),
  reference_id: z.string().nullish(),
});

/** One demo webhook body: a data event with records of one type, or a connection event. */
export const demoWebhookSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("sleep"), user: demoUserSchema, data: z.array(terraSleepSchema), version: z.string().optional() }),
  z.object({ type: z.literal("daily"), user: demoUserSchema, data: z.array(terraDailySchema), version: z.string().optional() }),
  z.object({ type: z.literal("activity"), user: demoUserSchema, data: z.array(terraActivitySchema), version: z.string().optional() }),
  z.object({ type: z.literal("body"), user: demoUserSchema, data: z.array(terraBodySchema), version: z.string().optional() }),
  z.object({ type: z.literal("nutrition"), user: demoUserSchema, data: z.array(terraNutritionSchema), version: z.string().optional() }),
  z.object({ type: z.enum(["auth", "deauth"]), user: demoUserSchema }),
]);
export type DemoWebhookPayload = z.input<typeof demoWebhookSchema>;

/** Signature header value for a demo webhook body. */
export function signDemoWebhook(rawBody: string, secret: string, at: Date): string {
  return signTerraStyle(rawBody, secret, at);
}

export const demo: ProviderAdapter = {
  id: "demo",
  displayName: "Demo wearable",
  oauth: null,
  apiBaseUrl: "",
  webhookSecret: "webhook_secret",
  resources: DEMO_DATA_TYPES,
  verifyWebhook: ({ rawBody, headers, secret, now }) => verifyTerraStyle(headers.get(DEMO_SIGNATURE_HEADER), rawBody, secret, now),
  parseWebhook: (rawBody) => parseTerraStyleWebhook(rawBody, "demo"),
  // The demo has no REST API: its generator pushes every range as signed webhooks.
  fetchRange: async () => ({ records: [], nextCursor: null, deferred: true }),
  normalize: (payload, ctx) => normalizeTerraRecord(payload, ctx.recordType, "demo"),
};
