/**
 * The Content-Security-Policy of every response. Scripts run only with this request's nonce
 * ('strict-dynamic' lets those scripts load Next.js's chunks); styles keep 'unsafe-inline' because
 * components set inline style attributes, which a nonce cannot cover.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // Dev mode's fast refresh evaluates code.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The Web Push service worker (public/sw.js); 'strict-dynamic' above would not cover it.
    "worker-src 'self'",
    "form-action 'self' https://accounts.google.com",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
