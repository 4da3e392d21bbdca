import { allowlistProblem } from "./admin/ip-allowlist-format";
import { z } from "zod";

const optionalString = z.string().trim().min(1).optional();
const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");
const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const PROVIDER_PREFIXES = ["TERRA", "OURA", "WHOOP", "FITBIT", "GOOGLE_HEALTH", "GARMIN"] as const;
const PROVIDER_SECRETS = ["CLIENT_ID", "CLIENT_SECRET", "WEBHOOK_SECRET", "VERIFICATION_TOKEN"] as const;
const PROVIDER_URLS = ["API_BASE_URL", "AUTH_BASE_URL"] as const;
export type ProviderVariable = (typeof PROVIDER_SECRETS)[number] | (typeof PROVIDER_URLS)[number];

/** <P>_CLIENT_ID, _CLIENT_SECRET, _WEBHOOK_SECRET, _VERIFICATION_TOKEN, _API_BASE_URL, _AUTH_BASE_URL per provider. */
function providerVariables() {
  const shape: Record<string, z.ZodType> = {};
  for (const p of PROVIDER_PREFIXES) {
    for (const name of PROVIDER_SECRETS) shape[`${p}_${name}`] = optionalString;
    for (const name of PROVIDER_URLS) shape[`${p}_${name}`] = z.url().optional();
  }
  return shape;
}

/** The AI gateway (server/ai): narrative text only when OPENAI_API_KEY is set. */
const aiVariables = {
  OPENAI_API_KEY: optionalString,
  /** An OpenAI-compatible API (a proxy, a self-hosted model, a fake in tests); default api.openai.com/v1. */
  OPENAI_BASE_URL: z.url().optional(),
  AI_MODEL: z.string().trim().min(1).default("gpt-4o-mini"),
  AI_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(16).max(4096).default(600),
};
const aiSchema = z.object(aiVariables);
export type AiEnv = z.infer<typeof aiSchema>;

/** S3-compatible file storage (exports): used when S3_BUCKET is set, else a folder under DATA_DIR. */
const s3Variables = {
  S3_BUCKET: optionalString,
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  /** Another S3-compatible service (MinIO, R2, a fake in tests); default AWS for the region. */
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  /** Addresses buckets as <endpoint>/<bucket> instead of <bucket>.<endpoint> (MinIO and most self-hosted stores). */
  S3_FORCE_PATH_STYLE: booleanFlag,
};

/** Stripe subscriptions (server/account/billing): on when STRIPE_SECRET_KEY is set; otherwise admins set plans by hand. */
const stripeVariables = {
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  /** The recurring Price ids the Pro and Team plans are sold at (price_…). */
  STRIPE_PRICE_PRO: optionalString,
  STRIPE_PRICE_TEAM: optionalString,
  /** Another Stripe API endpoint (a local fake in tests); default https://api.stripe.com. */
  STRIPE_API_BASE: z.url().optional(),
};

/** OpenTelemetry export (server/platform/telemetry): off unless OTEL_EXPORTER_OTLP_ENDPOINT is set. */
const otelVariables = {
  /** The OTLP/HTTP collector's base URL: traces to <it>/v1/traces, metrics to <it>/v1/metrics. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  /** Headers sent with each export, "name=value,name2=value2" (a vendor's API key). */
  OTEL_EXPORTER_OTLP_HEADERS: z
    .string()
    .regex(/^\s*[^=,\s]+=[^,]*(,\s*[^=,\s]+=[^,]*)*$/, "must be name=value[,name=value…]")
    .optional(),
  /** Milliseconds between metric exports. */
  OTEL_METRIC_EXPORT_INTERVAL: z.coerce.number().int().min(1000).default(60_000),
};

const base64url = (what: string) => z.string().trim().regex(/^[A-Za-z0-9_-]+$/, `must be the base64url ${what} web-push generate-vapid-keys prints`);

/** Web Push (RFC 8292 VAPID): unset keys are generated once under DATA_DIR (server/account/notifications/push/vapid.ts). */
const pushVariables = {
  VAPID_PUBLIC_KEY: base64url("public key").optional(),
  VAPID_PRIVATE_KEY: base64url("private key").optional(),
  /** Who push services may contact about this sender: a mailto: address or an https: URL. Default: APP_URL when https, else EMAIL_FROM's address. */
  VAPID_SUBJECT: z.string().trim().regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "must be a mailto: address or an https: URL").optional(),
  /** Accepts http://127.0.0.1 and http://localhost push endpoints (a local fake push service); always on when NODE_ENV=test. */
  PUSH_ALLOW_LOOPBACK_ENDPOINTS: booleanFlag,
};

const logLevelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** Every environment variable BioSync reads. `.env.example` documents each one. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Where `next start` listens (its own variable); the default APP_URL points at it. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.url().optional(),
    /** Proxies in front of the app whose X-Forwarded-For / -Proto entries are believed (0: none, the socket address counts). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Comma-separated IPs/CIDRs the admin console answers from (unset: any address). */
    ADMIN_IP_ALLOWLIST: optionalString.refine((value) => allowlistProblem(value) === null, "must be comma-separated IP addresses or CIDR ranges"),
    DATA_DIR: optionalString,
    DATABASE_URL: z
      .string()
      .trim()
      .regex(/^(pglite:\/\/.+|postgres(ql)?:\/\/.+)$/, "must be pglite://memory, pglite://<dir> or a postgres:// URL")
      .optional(),
    DATABASE_DRIVER: z.enum(["neon"]).optional(),
    NEON_WS_PROXY: optionalString,
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    AUTH_URL: z.url().optional(),
    AUTH_TRUST_HOST: booleanFlag,
    AUTH_GOOGLE_ID: optionalString,
    AUTH_GOOGLE_SECRET: optionalString,
    AUTH_LOGIN_WINDOW_SECONDS: seconds(900),
    RESEND_API_KEY: optionalString,
    RESEND_BASE_URL: z.url().optional(),
    EMAIL_FROM: z.string().default("BioSync <no-reply@biosync.local>"),
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    INNGEST_DEV: optionalString,
    INNGEST_BASE_URL: z.url().optional(),
    JOBS_POLL_MS: z.coerce.number().int().min(10).default(500),
    /** Bytes a user's uploads may hold while they wait to be imported (the new file included). */
    UPLOAD_QUOTA_BYTES: z.coerce.number().int().positive().default(8 * 1024 ** 3),
    /** Uploads a user may start per UPLOAD_RATE_WINDOW_SECONDS. */
    UPLOAD_RATE_LIMIT: z.coerce.number().int().positive().default(20),
    UPLOAD_RATE_WINDOW_SECONDS: seconds(3600),
    /** Calls one user may make to the REST API (/api/v1) per minute; an IP may make twice as many. */
    REST_RATE_LIMIT: z.coerce.number().int().positive().default(300),
    TOKEN_ENCRYPTION_KEYS: z
      .string()
      .regex(/^[\w-]{1,32}:[A-Za-z0-9+/]{43}=(\s*,\s*[\w-]{1,32}:[A-Za-z0-9+/]{43}=)*$/, "must be <id>:<base64 of 32 bytes>[,<id>:<key>…], newest first")
      .optional(),
    ...providerVariables(),
    DEMO_WEBHOOK_SECRET: z.string().min(16).optional(),
    ...aiVariables,
    LOG_LEVEL: logLevelSchema.default("info"),
    ...s3Variables,
    ...stripeVariables,
    ...otelVariables,
    ...pushVariables,
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.AUTH_GOOGLE_ID) !== Boolean(env.AUTH_GOOGLE_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: [env.AUTH_GOOGLE_ID ? "AUTH_GOOGLE_SECRET" : "AUTH_GOOGLE_ID"],
        message: "set both AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET to enable Google sign-in, or neither",
      });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: [env.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID"],
        message: "set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS default credential chain)",
      });
    }
    if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: [env.VAPID_PUBLIC_KEY ? "VAPID_PRIVATE_KEY" : "VAPID_PUBLIC_KEY"],
        message: "set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (a pair is generated under DATA_DIR)",
      });
    }
  })
  // The app calls itself at APP_URL (the demo wearable's webhooks): by default, on the port it serves.
  .transform((env) => ({ ...env, APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}` }));

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Validates a variable map; throws an EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process (validated once, on first use at start-up). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Which job backend is active: Inngest (cloud or dev server) or the in-process runner. */
export function jobBackend(e: Env = env()): "inngest" | "local" {
  return e.INNGEST_EVENT_KEY || e.INNGEST_DEV ? "inngest" : "local";
}

/** True inside `next build` (its workers must open no database and start no jobs). */
export function isBuildPhase(source: Record<string, string | undefined> = process.env): boolean {
  return source.NEXT_PHASE === "phase-production-build";
}

/**
 * The logger's level. The logger exists before the environment is validated (it reports a bad
 * one), so an invalid LOG_LEVEL falls back here instead of throwing; `env()` still names it.
 */
export function logLevel(source: Record<string, string | undefined> = process.env): z.infer<typeof logLevelSchema> {
  const parsed = logLevelSchema.safeParse(source.LOG_LEVEL);
  if (parsed.success) return parsed.data;
  return source.NODE_ENV === "test" ? "silent" : "info";
}

/**
 * One provider's variables (`<PREFIX>_CLIENT_ID`, …), trimmed, null when unset. Read on each call
 * rather than from the cached `env()`: tests point providers at fake servers they start after the
 * environment was first read. `env()` validates the same variables at start-up.
 */
export function providerEnv(prefix: string, source: Record<string, string | undefined> = process.env): Record<ProviderVariable, string | null> {
  const read = (name: ProviderVariable) => source[`${prefix}_${name}`]?.trim() || null;
  return Object.fromEntries([...PROVIDER_SECRETS, ...PROVIDER_URLS].map((name) => [name, read(name)])) as Record<ProviderVariable, string | null>;
}

/**
 * The AI gateway's variables, read on each call like providerEnv (tests point the gateway at a
 * fake server they start after the environment was first read). `env()` validates them at start-up.
 */
export function aiEnv(source: Record<string, string | undefined> = process.env): AiEnv {
  const names = Object.keys(aiVariables);
  const picked = Object.fromEntries(names.map((name) => [name, source[name]]).filter(([, v]) => v !== undefined && v !== ""));
  const result = aiSchema.safeParse(picked);
  if (!result.success) throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`));
  return result.data;
}

/** OTEL_EXPORTER_OTLP_HEADERS as a map ("a=1,b=2" → { a: "1", b: "2" }; values may be percent-encoded). */
export function otlpHeaders(value: string | undefined): Record<string, string> {
  if (!value) return {};
  return Object.fromEntries(
    value.split(",").map((pair) => {
      const at = pair.indexOf("=");
      return [pair.slice(0, at).trim(), decodeURIComponent(pair.slice(at + 1).trim())];
    }),
  );
}
