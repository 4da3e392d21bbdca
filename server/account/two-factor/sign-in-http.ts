import { CredentialsSignin } from "next-auth";
import { signIn } from "../auth";
import { ACCOUNT_DISABLED_MESSAGE, AccountDisabled, SignInThrottled, throttledMessage } from "../auth/sign-in-errors";
import { AppError } from "../../errors";
import { INVALID_CODE_MESSAGE, INVALID_PASSKEY_MESSAGE, InvalidPasskey, SECOND_STEP_EXPIRED_MESSAGE, SecondStepExpired } from "./sign-in-errors";

/* The plumbing shared by the second-step and passkey sign-in routes (app/api/auth/…). */

export const CROSS_SITE = () => AppError.forbidden("Sign in from the BioSync sign-in page.");

/** The ticket of a second step that cannot go on any more (the password is needed again). */
export function secondStepExpired(): AppError {
  return new AppError("UNAUTHORIZED", SECOND_STEP_EXPIRED_MESSAGE, { fields: [{ path: "ticket", message: SECOND_STEP_EXPIRED_MESSAGE }] });
}

export type SignInAttempt = { ok: true } | { ok: false; error: AppError };

/** Runs one of the two-factor Auth.js providers; on success the session cookie is set on the response. */
export async function signInThrough(provider: string, credentials: Record<string, string>, redirectTo: string): Promise<SignInAttempt> {
  try {
    await signIn(provider, { ...credentials, redirect: false, redirectTo });
    return { ok: true };
  } catch (error) {
    if (error instanceof SignInThrottled) return { ok: false, error: AppError.tooManyRequests(error.retryAfter, throttledMessage(error.retryAfter)) };
    if (error instanceof SecondStepExpired) return { ok: false, error: secondStepExpired() };
    if (error instanceof AccountDisabled) return { ok: false, error: AppError.forbidden(ACCOUNT_DISABLED_MESSAGE) };
    if (error instanceof InvalidPasskey) return { ok: false, error: AppError.unauthorized(INVALID_PASSKEY_MESSAGE) };
    if (error instanceof CredentialsSignin) {
      return { ok: false, error: new AppError("UNAUTHORIZED", INVALID_CODE_MESSAGE, { fields: [{ path: "code", message: INVALID_CODE_MESSAGE }] }) };
    }
    throw error;
  }
}

/** A JSON answer that is never cached, with the request id and any cookies to set. */
export function jsonAnswer(body: unknown, requestId: string, cookies: string[] = []): Response {
  const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store", "x-request-id": requestId });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(JSON.stringify(body), { headers });
}
