export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

/**
 * Where to go after signing in: `value` only when it is a path on this site (never another
 * origin, protocol-relative URL or an auth page that would loop), else the dashboard.
 */
export function safeCallbackUrl(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, "http://placeholder.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://placeholder.invalid") return fallback;
  if (/^\/(sign-in|register|api\/auth)(\/|$)/.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
