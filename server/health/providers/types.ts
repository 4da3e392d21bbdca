import type { NormalizedBatch, ProviderId } from "../types";

/**
 * One provider document as it will be kept raw: the identity decides whether a later copy is a
 * re-delivery (same content), a revision (same identity, new content) or a new record.
 * Structurally the ingest pipeline's `RawRecord`.
 */
export interface ProviderRecord {
  /** The provider's data type of the document (Terra `sleep`, Oura `daily_activity`, Garmin `dailies`, …). */
  recordType: string;
  /** The provider's own id, or a stable identity derived from the document (Terra daily: start+end). */
  recordId: string;
  payload: unknown;
  /** The provider's last-modified time, when it sends one (only on fetched records, never inside a stored delivery). */
  revisionAt?: Date | null;
}

/** Connection-level events a webhook can carry besides data. */
export type LifecycleEvent = "auth" | "reauth" | "deauth" | "revoked" | "deleted" | "permissions_changed" | "connection_error";

/**
 * What a notify-only webhook asks us to fetch (WHOOP, Oura, Fitbit, Garmin ping). Plain JSON
 * (ISO strings, no Dates) because deliveries are stored as they are parsed.
 */
export interface FetchTarget {
  resource: string;
  /** A single document by the provider's id. */
  id?: string;
  /** ISO 8601 instant or date. */
  start?: string;
  end?: string;
  /** Garmin ping: the callback URL that serves the data. */
  url?: string;
}

export interface WebhookDelivery {
  externalUserId: string;
  /** The provider's event name, e.g. `sleep`, `sleep.updated`, `dailies`. */
  eventType: string;
  /** Stable for the same delivery: the provider's own id when it sends one, else derived from a SHA-256 of the raw body. */
  idempotencyKey: string;
  /** Data sent inline (Terra, demo, Garmin push). */
  records: ProviderRecord[];
  fetch?: FetchTarget;
  lifecycle?: LifecycleEvent;
  /** Terra `user_reauth`: the provider user id this one replaces (the connection keeps its data). */
  replacesExternalUserId?: string;
  /** With lifecycle `deleted`: the record removed at the provider. */
  deletedRecord?: { recordType: string; recordId: string };
}

export interface ParsedWebhook {
  deliveries: WebhookDelivery[];
}

export type VerifyFailure = "missing_signature" | "bad_signature" | "stale";
export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure };

export interface VerifyInput {
  rawBody: string;
  headers: Headers;
  /** See `ProviderAdapter.webhookSecret` for which secret each provider signs with. */
  secret: string;
  now: Date;
}

export interface HandshakeRequest {
  method: string;
  url: URL;
  headers: Headers;
}

export interface HandshakeSecrets {
  /** Oura `verification_token` of the subscription, Fitbit subscriber verification code. */
  verificationToken: string;
}

/** Injected transport so tests (and the demo) run against a local fake of the provider's API. */
export interface ProviderHttp {
  baseUrl: string;
  fetch: typeof fetch;
  /** App-level API credentials (Terra `dev-id` + `x-api-key`). */
  apiKey?: { id: string; secret: string };
}

export interface FetchRangeInput {
  /** OAuth access token of the connection; null for providers authenticated by app credentials (Terra). */
  accessToken: string | null;
  /** The provider's id of the user (Terra `user_id`). */
  externalUserId?: string | null;
  resource: string;
  start: Date;
  end: Date;
  /** The `nextCursor` of the previous page; absent for the first page. */
  cursor?: string | null;
}

export interface FetchRangeResult {
  records: ProviderRecord[];
  nextCursor: string | null;
  /** The provider accepted the request and will push the data by webhook (Garmin backfill). */
  deferred?: boolean;
}

export interface NormalizeContext {
  recordType: string;
  /** The user's IANA zone, for providers that send wall-clock times without an offset (Fitbit). */
  timeZone: string;
}

export interface OAuthSettings {
  authorizeUrl: string;
  tokenUrl: string;
  /**
   * How a token is revoked: RFC 7009 form POST (`token=`), a DELETE with the bearer token
   * (WHOOP, Garmin), or Oura's POST with `access_token` in the query.
   */
  revoke: { url: string; style: "rfc7009" | "bearer_delete" | "access_token_query" } | null;
  defaultScopes: readonly string[];
  /** Scopes without which the connection is useless; a grant lacking one is refused. */
  requiredScopes: readonly string[];
  scopeSeparator: " " | ",";
  pkce: boolean;
  /** How the client authenticates at the token endpoint: HTTP Basic or client_id/client_secret in the form. */
  clientAuth: "basic" | "body";
  extraAuthorizeParams?: Readonly<Record<string, string>>;
  /** Extra form fields of a refresh request (WHOOP wants `scope=offline` again). */
  extraRefreshParams?: Readonly<Record<string, string>>;
}

export interface ProviderIdentity {
  externalUserId: string;
  timeZone?: string | null;
}

export interface ProviderAdapter {
  id: ProviderId;
  displayName: string;
  oauth: OAuthSettings | null;
  /** Base URL of the provider's REST API (tests and the demo swap it via `ProviderHttp`). */
  apiBaseUrl: string;
  /** What signs the webhooks: the app's client secret, a dedicated webhook secret, or the client id (Garmin). */
  webhookSecret: "client_secret" | "webhook_secret" | "client_id";
  /** Resources `fetchRange` serves, in backfill order. */
  resources: readonly string[];
  verifyWebhook(input: VerifyInput): VerifyResult;
  /** Answers a subscription handshake, or null when the request is not one. */
  handshake?(req: HandshakeRequest, secrets: HandshakeSecrets): Response | null;
  /** Throws AppError BAD_REQUEST (with field paths) for a malformed body. */
  parseWebhook(rawBody: string, headers: Headers): ParsedWebhook;
  fetchRange(http: ProviderHttp, input: FetchRangeInput): Promise<FetchRangeResult>;
  /** Fetches what a notify-only webhook points at. */
  fetchTarget?(http: ProviderHttp, input: { accessToken: string; target: FetchTarget }): Promise<ProviderRecord[]>;
  /** The provider's id (and zone, when it has one) of the user behind an access token. */
  fetchIdentity?(http: ProviderHttp, accessToken: string): Promise<ProviderIdentity>;
  normalize(payload: unknown, ctx: NormalizeContext): NormalizedBatch;
}
