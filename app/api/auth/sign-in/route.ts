import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/server/account/auth";
import { safeCallbackUrl } from "@/server/account/auth/callback-url";
import { ACCOUNT_DISABLED_MESSAGE, AccountDisabled, INVALID_CREDENTIALS_MESSAGE, SignInThrottled, throttledMessage } from "@/server/account/auth/sign-in-errors";
import type { PendingSecondStep } from "@/server/account/two-factor/sign-in";
import { CROSS_SITE } from "@/server/account/two-factor/sign-in-http";
import { SecondFactorRequired } from "@/server/account/two-factor/sign-in-errors";
import { ticketCookieHeader } from "@/server/account/two-factor/ticket-cookie";
import { AppError, errorResponse } from "@/server/errors";
import { crossSiteReason } from "@/server/http/same-origin";
import { requestId } from "@/server/request";

const body = z.object({
  email: z.string().max(320),
  password: z.string().max(512),
  callbackUrl: z.string().max(2048).optional(),
});

type SignInOutcome =
  | { ok: true; redirectTo: string }
  | { ok: false; error: AppError }
  /** The password was right and two-step verification is on: the ticket goes in a cookie, the page asks for a code. */
  | { ok: "second-step"; pending: PendingSecondStep; redirectTo: string };

/**
 * Password sign-in for the app's own form: JSON in, JSON out, with the session cookie set on
 * success. The brute-force throttle runs inside the credentials provider, so the built-in
 * /api/auth/callback/credentials endpoint is covered by it too. A plain form post (the form
 * submitted before the page's script loaded) gets redirects instead of JSON.
 */
export async function POST(request: Request): Promise<Response> {
  const id = requestId(request.headers);
  // Login CSRF (signing a victim into the attacker's account); proxy.ts refuses it too.
  if (crossSiteReason(request)) return errorResponse(CROSS_SITE(), id);
  const isForm = /application\/x-www-form-urlencoded|multipart\/form-data/.test(request.headers.get("content-type") ?? "");

  let input: z.infer<typeof body>;
  try {
    input = body.parse(isForm ? Object.fromEntries(await request.formData()) : await request.json());
  } catch (error) {
    return errorResponse(error instanceof SyntaxError ? AppError.badRequest("The request body is not valid JSON.") : error, id);
  }
  const outcome = await attemptSignIn(input);

  if (outcome.ok === "second-step") {
    const cookie = ticketCookieHeader(outcome.pending.ticket);
    const response = isForm
      ? redirect(`/sign-in?${new URLSearchParams({ step: "second-factor", callbackUrl: outcome.redirectTo })}`)
      : Response.json(
          { ok: true, secondStep: { methods: outcome.pending.methods, expiresAt: outcome.pending.expiresAt }, redirectTo: outcome.redirectTo },
          { headers: { "x-request-id": id, "cache-control": "no-store" } },
        );
    response.headers.append("set-cookie", cookie);
    return response;
  }
  if (isForm) {
    if (outcome.ok) return redirect(outcome.redirectTo);
    const query = new URLSearchParams({ error: "CredentialsSignin", code: formErrorCode(outcome.error) });
    if (input.callbackUrl) query.set("callbackUrl", safeCallbackUrl(input.callbackUrl));
    return redirect(`/sign-in?${query}`);
  }
  if (!outcome.ok) return errorResponse(outcome.error, id);
  return Response.json({ ok: true, redirectTo: outcome.redirectTo }, { headers: { "x-request-id": id, "cache-control": "no-store" } });
}

async function attemptSignIn(input: z.infer<typeof body>): Promise<SignInOutcome> {
  const redirectTo = safeCallbackUrl(input.callbackUrl);
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirect: false, redirectTo });
    return { ok: true, redirectTo };
  } catch (error) {
    if (error instanceof SecondFactorRequired) return { ok: "second-step", pending: error.pending, redirectTo };
    if (error instanceof SignInThrottled) {
      return { ok: false, error: AppError.tooManyRequests(error.retryAfter, throttledMessage(error.retryAfter)) };
    }
    if (error instanceof AccountDisabled) return { ok: false, error: AppError.forbidden(ACCOUNT_DISABLED_MESSAGE) };
    if (error instanceof CredentialsSignin) return { ok: false, error: AppError.unauthorized(INVALID_CREDENTIALS_MESSAGE) };
    throw error;
  }
}

/** The `?code=` the sign-in page explains for a refusal of a plain form post. */
function formErrorCode(error: AppError): string {
  if (error.code === "TOO_MANY_REQUESTS") return "rate_limited";
  return error.code === "FORBIDDEN" ? "account_disabled" : "invalid_credentials";
}

/**
 * A redirect to `path`, a path on this site (from `safeCallbackUrl`, or built here): relative, so
 * it resolves against the origin the browser used, never a client-sent Host or X-Forwarded-Host.
 */
function redirect(path: string): Response {
  return new Response(null, { status: 303, headers: { location: path, "cache-control": "no-store" } });
}
