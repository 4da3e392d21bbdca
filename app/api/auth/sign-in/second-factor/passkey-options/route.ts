import { crossSiteReason } from "@/server/http/same-origin";
import { CROSS_SITE, jsonAnswer, secondStepExpired } from "@/server/account/two-factor/sign-in-http";
import { secondStepPasskeyOptions } from "@/server/account/two-factor/sign-in";
import { readTicketCookie } from "@/server/account/two-factor/ticket-cookie";
import { getDb } from "@/db";
import { errorResponse } from "@/server/errors";
import { requestId } from "@/server/request";

/** WebAuthn request options for the passkeys of the user whose second step is pending. */
export async function POST(request: Request): Promise<Response> {
  const id = requestId(request.headers);
  if (crossSiteReason(request)) return errorResponse(CROSS_SITE(), id);
  const ticket = readTicketCookie(request.headers);
  try {
    const options = ticket ? await secondStepPasskeyOptions(await getDb(), ticket) : null;
    if (!options) return errorResponse(secondStepExpired(), id);
    return jsonAnswer(options, id);
  } catch (error) {
    return errorResponse(error, id);
  }
}
