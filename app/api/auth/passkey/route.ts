import { crossSiteReason } from "@/server/http/same-origin";
import { z } from "zod";
import { safeCallbackUrl } from "@/server/account/auth/callback-url";
import { PASSKEY_PROVIDER } from "@/server/account/two-factor/auth-providers";
import { authenticationResponse } from "@/server/account/two-factor/schemas";
import { CROSS_SITE, jsonAnswer, signInThrough } from "@/server/account/two-factor/sign-in-http";
import { AppError, errorResponse } from "@/server/errors";
import { requestId } from "@/server/request";

const body = z.object({ passkey: authenticationResponse, callbackUrl: z.string().max(2048).optional() });

/** Password-less sign-in with a passkey (JSON): sets the session cookie when the assertion verifies. */
export async function POST(request: Request): Promise<Response> {
  const id = requestId(request.headers);
  if (crossSiteReason(request)) return errorResponse(CROSS_SITE(), id);
  let input: z.infer<typeof body>;
  try {
    input = body.parse(await request.json());
  } catch (error) {
    return errorResponse(error instanceof SyntaxError ? AppError.badRequest("The request body is not valid JSON.") : error, id);
  }
  const redirectTo = safeCallbackUrl(input.callbackUrl);
  const outcome = await signInThrough(PASSKEY_PROVIDER, { passkey: JSON.stringify(input.passkey) }, redirectTo);
  return outcome.ok ? jsonAnswer({ ok: true, redirectTo }, id) : errorResponse(outcome.error, id);
}
