import { env } from "../../env";
import { TICKET_TTL_SECONDS } from "./sign-in-tickets";

/**
 * The second-step ticket travels in an HttpOnly cookie, not in the page: scripts cannot read it,
 * it is bound to the browser that gave the password, and only the sign-in endpoints receive it.
 */
export const TICKET_COOKIE = "biosync.second-step";
const COOKIE_PATH = "/api/auth";

function secure(): boolean {
  return new URL(env().APP_URL).protocol === "https:";
}

export function ticketCookieHeader(ticket: string): string {
  return `${TICKET_COOKIE}=${ticket}; Path=${COOKIE_PATH}; Max-Age=${TICKET_TTL_SECONDS}; HttpOnly; SameSite=Strict${secure() ? "; Secure" : ""}`;
}

export function clearTicketCookieHeader(): string {
  return `${TICKET_COOKIE}=; Path=${COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Strict${secure() ? "; Secure" : ""}`;
}

/** For setting it through `cookies()` (where no Response is at hand, e.g. an Auth.js callback). */
export function ticketCookieOptions() {
  return { path: COOKIE_PATH, maxAge: TICKET_TTL_SECONDS, httpOnly: true, sameSite: "strict" as const, secure: secure() };
}

export function readTicketCookie(headers: Headers): string | null {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  for (const part of cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === TICKET_COOKIE) return rest.join("=") || null;
  }
  return null;
}
