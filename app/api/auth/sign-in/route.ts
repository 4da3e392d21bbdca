import { z } from "zod";
import { AppError, errorResponse } from "@/server/errors";
import { signIn } from "@/server/auth";
import { safeCallbackUrl } from "@/server/auth/callback-url";
import { INVALID_CREDENTIALS_MESSAGE, SignInThrottled, throttledMessage } from "@/server/auth/sign-in-errors";
import { requestId } from "@/server/request";
import { CredentialsSignin } from "next-auth";

const body = z.object({
  email: z.string().max(320),
  password: z.string().max(512),
  callbackUrl: z.string().max(2048).optional(),
});

/**
 * Password sign-in for the app's own form: JSON in, JSON out, with the session cookie set on
 * success. The brute-force throttle runs inside the credentials provider, so the built-in
 * /api/auth/callback/credentials endpoint is covered by it too.
 */
export async function POST(request: Request): Promise<Response> {
  const id = requestId(request.headers);
  let input: z.infer<typeof body>;
  try {
    input = body.parse(await request.json());
  } catch (error) {
    return errorResponse(error instanceof SyntaxError ? AppError.badRequest("The request body is not valid JSON.") : error, id);
  }
  const redirectTo = safeCallbackUrl(input.callbackUrl);
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirect: false, redirectTo });
  } catch (error) {
    if (error instanceof SignInThrottled) {
      return errorResponse(AppError.tooManyRequests(error.retryAfter, throttledMessage(error.retryAfter)), id);
    }
    if (error instanceof CredentialsSignin) return errorResponse(AppError.unauthorized(INVALID_CREDENTIALS_MESSAGE), id);
    return errorResponse(error, id);
  }
  return Response.json({ ok: true, redirectTo }, { headers: { "x-request-id": id, "cache-control": "no-store" } });
}
