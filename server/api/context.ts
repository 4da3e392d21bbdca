import { getDb } from "@/db";
import { authenticateApiToken } from "../account/api-tokens/tokens";
import { AppError } from "../errors";
import { enforceRateLimits } from "../platform/rate-limits/enforce";
import { requestLimits } from "../platform/rate-limits/rules";
import { clientIp } from "../request";
import type { Context } from "../trpc";

/** The reasons a call to /api/v1 is refused with 401. */
export const API_TOKEN_AUTH_REASONS = { missing: "api-token.missing", invalid: "api-token.invalid" } as const;

/** The secret of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

/**
 * The tRPC context of a REST call: the user of the personal API token in the Authorization header,
 * each call counted against the REST rate limits (429 past them).
 * Session cookies are never read here (a browser would send them to any page's request: CSRF), and
 * a token is never read on /api/trpc (server/context.ts).
 */
export async function createRestContext(req: Request, requestId: string, resHeaders: Headers): Promise<Context> {
  const secret = bearerToken(req.headers);
  if (!secret) {
    throw new AppError("UNAUTHORIZED", "Send a personal API token: Authorization: Bearer <token> (create one in Settings → API).", { reason: API_TOKEN_AUTH_REASONS.missing });
  }
  const db = await getDb();
  const caller = await authenticateApiToken(db, secret);
  if (!caller) throw new AppError("UNAUTHORIZED", "This API token is not valid: it is unknown, revoked or expired, or its account is disabled.", { reason: API_TOKEN_AUTH_REASONS.invalid });
  const ip = clientIp(req.headers);
  await enforceRateLimits(db, requestLimits.rest(caller.user.id, ip));
  return { db, user: caller.user, apiToken: caller.apiToken, requestId, ip, userAgent: req.headers.get("user-agent"), resHeaders };
}
