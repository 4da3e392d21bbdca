import { crossSiteReason } from "@/server/http/same-origin";
import { z } from "zod";
import { safeCallbackUrl } from "@/server/account/auth/callback-url";
import { SECOND_FACTOR_PROVIDER } from "@/server/account/two-factor/auth-providers";
import { authenticationResponse } from "@/server/account/two-factor/schemas";
import { CROSS_SITE, jsonAnswer, secondStepExpired, signInThrough, type SignInAttempt } from "@/server/account/two-factor/sign-in-http";
import { clearTicketCookieHeader, readTicketCookie } from "@/server/account/two-factor/ticket-cookie";
import { AppError, errorResponse } from "@/server/errors";
import { requestId } from "@/server/request";

const body = z
  .object({
    code: z.string().trim().min(1, "Enter the code.").max(32, "This code is too long.").optional(),
    passkey: authenticationResponse.optional(),
    callbackUrl: z.string().max(2048).optional(),
  })
  .refine((b) => b.code !== undefined || b.passkey !== undefined, { path: ["code"], message: "Enter the code." });

/**
 * The second step of a sign-in: a code from the authenticator app, a recovery code or a passkey
 * assertion, with the ticket cookie the password step set. Sets the session cookie on success.
 * JSON in and out; a plain form post (the page's script not loaded yet) gets redirects instead.
 */
export async function POST(request: Request): Promise<Response> {
  const id = requestId(request.headers);
  if (crossSiteReason(request)) return errorResponse(CROSS_SITE(), id);
  const isForm = /application\/x-www-form-urlencoded|multipart\/form-data/.test(request.headers.get("content-type") ?? "");
  let input: z.infer<typeof body>;
  try {
    input = body.parse(isForm ? formFields(await request.formData()) : await request.json());
  } catch (error) {
    if (isForm) return seeOther("/sign-in?step=second-factor&error=invalid_code");
    return errorResponse(error instanceof SyntaxError ? AppError.badRequest("The request body is not valid JSON.") : error, id);
  }
  const ticket = readTicketCookie(request.headers);
  const redirectTo = safeCallbackUrl(input.callbackUrl);
  const outcome: SignInAttempt = ticket
    ? await signInThrough(SECOND_FACTOR_PROVIDER, input.passkey ? { ticket, passkey: JSON.stringify(input.passkey) } : { ticket, code: input.code ?? "" }, redirectTo)
    : { ok: false, error: secondStepExpired() };
  const expired = !outcome.ok && outcome.error.fields?.[0]?.path === "ticket";
  const cookies = outcome.ok || expired ? [clearTicketCookieHeader()] : [];

  if (isForm) {
    const failure = !outcome.ok && (expired ? "/sign-in?error=second_step_expired" : `/sign-in?step=second-factor&error=${outcome.error.code === "TOO_MANY_REQUESTS" ? "rate_limited" : "invalid_code"}`);
    return seeOther(failure || redirectTo, cookies);
  }
  if (outcome.ok) return jsonAnswer({ ok: true, redirectTo }, id, cookies);
  const response = errorResponse(outcome.error, id);
  for (const cookie of cookies) response.headers.append("set-cookie", cookie);
  return response;
}

function formFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of ["code", "callbackUrl"]) {
    const value = form.get(name);
    if (typeof value === "string" && value) fields[name] = value;
  }
  return fields;
}

function seeOther(path: string, cookies: string[] = []): Response {
  const headers = new Headers({ location: path, "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}
