import { env } from "../env";
import { AppError, errorResponse } from "../errors";
import { requestId } from "../request";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Routes that machines call with a signature of their own and never a cookie: a provider's
 * webhooks and Inngest. They are the only ones a foreign origin may post to.
 */
export const MACHINE_ROUTES = ["/api/webhooks/[provider]", "/api/inngest"] as const;

const machinePaths = MACHINE_ROUTES.map((pattern) => new RegExp(`^${pattern.replace(/\[[^\]/]+\]/g, "[^/]+")}/?$`));

export function isMachineRoute(pathname: string): boolean {
  return machinePaths.some((path) => path.test(pathname));
}

export const CROSS_SITE_MESSAGE = "Cross-site requests are refused: send this from a BioSync page.";

/**
 * Why a request would change state for a cookie it did not choose to send (CSRF), or null when it
 * may go ahead. Browsers send `Sec-Fetch-Site` and `Origin` on every POST: `cross-site` and
 * `same-site` (a sibling subdomain is another origin too) are refused, and so is an `Origin` that
 * is neither APP_URL's nor this request's own host (`null` included). A request with neither header
 * is not from a browser, so it carries only the cookies its sender chose: it goes ahead.
 */
export function crossSiteReason(request: Request): string | null {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return null;
  if (isMachineRoute(new URL(request.url).pathname)) return null;
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return `Sec-Fetch-Site: ${site}`;
  const origin = request.headers.get("origin");
  if (origin !== null && !isOwnOrigin(origin, request)) return `Origin: ${origin}`;
  return null;
}

function isOwnOrigin(origin: string, request: Request): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === "null") return false;
  if (url.origin === new URL(env().APP_URL).origin) return true;
  // The host the browser addressed: the embedded default answers on any name it is reached by.
  const host = request.headers.get("host") ?? new URL(request.url).host;
  const forwardedHost = env().TRUSTED_PROXY_HOPS > 0 ? request.headers.get("x-forwarded-host")?.split(",").at(-1)?.trim() : undefined;
  return url.host === host || (forwardedHost !== undefined && url.host === forwardedHost);
}

/** A 403 JSON answer for a cross-site state-changing request, or null to let it through. */
export function refuseCrossSite(request: Request): Response | null {
  if (crossSiteReason(request) === null) return null;
  return errorResponse(AppError.forbidden(CROSS_SITE_MESSAGE), requestId(request.headers));
}
