import { getDb } from "@/db";
import { clientIp } from "../../request";
import { requiresSecondFactor } from "./second-factor";
import { startSecondStep } from "./sign-in";
import { TICKET_COOKIE, ticketCookieOptions } from "./ticket-cookie";

/** Where the sign-in page asks for the second step. */
export const SECOND_STEP_PATH = "/sign-in?step=second-factor";

/**
 * Google vouched for the first factor; with two-step verification on, the sign-in stops here
 * (Auth.js creates no session for a string answer) and continues on the sign-in page.
 */
export async function requireSecondStepAfterGoogle(userId: string): Promise<true | string> {
  const db = await getDb();
  if (!(await requiresSecondFactor(db, userId))) return true;
  const { cookies, headers } = await import("next/headers");
  const pending = await startSecondStep(db, { userId, firstFactor: "google", ip: clientIp(await headers()) });
  (await cookies()).set(TICKET_COOKIE, pending.ticket, ticketCookieOptions());
  return SECOND_STEP_PATH;
}
