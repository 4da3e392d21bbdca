import { env } from "../../env";

export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

/** Pages that would send the browser round in a loop after signing in. */
const AUTH_PATHS = /^\/(sign-in|register|api\/auth)(\/|$)/;

/**
 * Where a redirect may send the browser: `value` resolved against the app's `origin` with the
 * URL parser browsers use, kept only when it lands on that same origin and is not an auth page;
 * otherwise `fallback`. Every redirect that carries a caller's choice goes through here.
 *
 * Returns a path with its query and hash that cannot be read as another origin again: it never
 * starts with `//` (a dot segment such as `/.//host` resolves to that) and holds no backslash or
 * control character (the parser drops tabs and newlines a reader of the raw value would not).
 */
export function safeCallbackUrl(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN, origin: string = env().APP_URL): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  const base = new URL(origin);
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!/^\/(?![/\\])/.test(path) || path.includes("\\") || AUTH_PATHS.test(url.pathname)) return fallback;
  return path;
}
