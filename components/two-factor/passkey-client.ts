"use client";

import { browserSupportsWebAuthn, startAuthentication } from "@simplewebauthn/browser";

/* Browser side of passkey sign-in: fetch options from BioSync, let the browser sign, post the answer. */

export interface SignInAnswer {
  ok: boolean;
  status: number;
  redirectTo?: string;
  message?: string;
  field?: string;
  retryAfter?: number;
}

export { browserSupportsWebAuthn };

/** POSTs JSON to one of the sign-in endpoints and reads its answer (or its error body). */
export async function postSignIn(url: string, body: unknown): Promise<SignInAnswer> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
  const json = (await response.json().catch(() => ({}))) as {
    redirectTo?: string;
    error?: { message?: string; fields?: { path: string }[]; retryAfter?: number };
  };
  if (response.ok) return { ok: true, status: response.status, redirectTo: json.redirectTo };
  return {
    ok: false,
    status: response.status,
    message: json.error?.message ?? "Signing in did not work. Try again.",
    field: json.error?.fields?.[0]?.path,
    retryAfter: Number(response.headers.get("retry-after") ?? json.error?.retryAfter ?? 0) || undefined,
  };
}

/** Asks `optionsUrl` for a challenge, has the browser sign it with a passkey, and returns the assertion (null when the person cancelled). */
export async function signWithPasskey(optionsUrl: string): Promise<{ assertion: unknown } | { error: string }> {
  const response = await fetch(optionsUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  const options = (await response.json().catch(() => ({}))) as Parameters<typeof startAuthentication>[0] & { error?: { message?: string } };
  if (!response.ok) return { error: options.error?.message ?? "Passkeys are not available right now." };
  try {
    return { assertion: await startAuthentication(options) };
  } catch (error) {
    if (error instanceof Error && error.name === "NotAllowedError") return { error: "The passkey request was cancelled or timed out." };
    return { error: error instanceof Error ? error.message : "The passkey could not be used." };
  }
}
