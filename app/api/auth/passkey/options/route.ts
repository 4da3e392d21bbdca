import { crossSiteReason } from "@/server/http/same-origin";
import { getDb } from "@/db";
import { passkeySignInOptions } from "@/server/account/two-factor/sign-in";
import { CROSS_SITE, jsonAnswer } from "@/server/account/two-factor/sign-in-http";
import { errorResponse } from "@/server/errors";
import { clientIp, requestId } from "@/server/request";

/** WebAuthn request options for a password-less passkey sign-in (any discoverable passkey of this site). */
export async function POST(request: Request): Promise<Response> {
  const id = requestId(request.headers);
  if (crossSiteReason(request)) return errorResponse(CROSS_SITE(), id);
  try {
    return jsonAnswer(await passkeySignInOptions(await getDb(), clientIp(request.headers)), id);
  } catch (error) {
    return errorResponse(error, id);
  }
}
