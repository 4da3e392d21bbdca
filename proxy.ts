import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "./server/csp";
import { strictTransportSecurity } from "./server/http/hsts";
import { refuseCrossSite } from "./server/http/same-origin";

/**
 * Runs before every page and API request it matches: refuses cross-site state-changing requests
 * (CSRF) before any route runs, gives each request an id (echoed in the response and carried by
 * the logs), passes the path on, since layouts cannot see it otherwise (used to send a signed-out
 * visitor back to the page they asked for after signing in), sets the CSP with a fresh script nonce
 * (Next.js reads it from the request header and puts it on its own scripts), and HSTS over HTTPS.
 */
export function proxy(request: NextRequest) {
  const hsts = strictTransportSecurity(request.headers);
  const refused = refuseCrossSite(request);
  if (refused) {
    if (hsts) refused.headers.set("strict-transport-security", hsts);
    return refused;
  }
  const headers = new Headers(request.headers);
  const given = headers.get("x-request-id");
  const id = given && /^[\w-]{8,64}$/.test(given) ? given : crypto.randomUUID();
  headers.set("x-request-id", id);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production" });
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", id);
  response.headers.set("content-security-policy", policy);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

/*
 * Not matched: the upload and webhook routes. Next buffers the body of every request the proxy
 * sees and hands on only its first 10 MB, so those routes stream the body themselves (and derive
 * the request id with `requestId()` from server/request.ts; their answers are JSON, without a CSP).
 * So the upload route calls `refuseCrossSite()` itself; webhooks are machine-to-machine.
 */
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/imports|api/webhooks/).*)"],
};
