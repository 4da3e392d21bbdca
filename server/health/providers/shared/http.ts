import type { z } from "zod";
import type { ProviderHttp } from "../types";
import { ProviderHttpError, RateLimitedError, TokenExpiredError } from "./errors";

const DEFAULT_RETRY_AFTER_SECONDS = 60;

export interface ProviderRequest {
  /** Path below the base URL (`/v2/recovery`) or an absolute URL (Garmin ping callbacks). */
  path: string;
  method?: "GET" | "POST" | "DELETE";
  query?: Record<string, string | number | undefined | null>;
  accessToken?: string | null;
  headers?: Record<string, string>;
}

export function buildUrl(http: ProviderHttp, path: string, query: ProviderRequest["query"] = {}): URL {
  const url = /^https?:\/\//.test(path) ? new URL(path) : new URL(http.baseUrl.replace(/\/$/, "") + path);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
  }
  return url;
}

/** Seconds to wait from Retry-After (seconds or HTTP date) or the providers' reset headers. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number {
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000));
  }
  for (const name of ["x-ratelimit-reset", "fitbit-rate-limit-reset"]) {
    const value = headers.get(name);
    if (value && /^\d+$/.test(value.trim())) return Number(value);
  }
  return DEFAULT_RETRY_AFTER_SECONDS;
}

/** Sends a request; 429 → RateLimitedError, 401 → TokenExpiredError, other failures → ProviderHttpError. */
export async function send(http: ProviderHttp, req: ProviderRequest): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json", ...req.headers };
  if (req.accessToken) headers.authorization = `Bearer ${req.accessToken}`;
  const url = buildUrl(http, req.path, req.query);
  let response: Response;
  try {
    response = await http.fetch(url, { method: req.method ?? "GET", headers });
  } catch (cause) {
    throw new ProviderHttpError(0, `Could not reach ${url.host}.`, { cause });
  }
  if (response.status === 429) throw new RateLimitedError(retryAfterSeconds(response.headers));
  if (response.status === 401) throw new TokenExpiredError();
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    throw new ProviderHttpError(response.status, `${req.method ?? "GET"} ${url.pathname} failed with ${response.status}: ${text.slice(0, 200)}`);
  }
  return response;
}

/** GETs JSON and checks its shape; a response we cannot read is a ProviderHttpError (502). */
export async function getJson<S extends z.ZodType>(http: ProviderHttp, req: ProviderRequest, schema: S): Promise<z.output<S>> {
  const response = await send(http, req);
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new ProviderHttpError(502, `${req.path} answered with invalid JSON.`, { cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProviderHttpError(502, `${req.path} answered with an unexpected shape at ${issue?.path.join(".") ?? "(root)"}: ${issue?.message ?? ""}`);
  }
  return parsed.data;
}
