import type { Database } from "@/db";
import { findUserById } from "../auth/users";
import { updateNotificationPreferences } from "../profile/service";
import { EMAIL_PREFERENCE } from "./preferences";
import type { NotificationKind } from "./sources";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

export type UnsubscribeCheck = { ok: true; userId: string; kind: NotificationKind } | { ok: false; reason: "malformed" | "forged" | "unknown-account" };

/** What an unsubscribe link names, if it is one of ours and its account still exists. */
export async function checkUnsubscribeLink(db: Database, token: string): Promise<UnsubscribeCheck> {
  const check = verifyUnsubscribeToken(token);
  if (!check.ok) return check;
  if (!(await findUserById(db, check.userId))) return { ok: false, reason: "unknown-account" };
  return check;
}

/** Turns the link's kind of email off (the in-app entries go on). Doing it twice changes nothing. */
export async function unsubscribe(db: Database, token: string): Promise<UnsubscribeCheck> {
  const check = await checkUnsubscribeLink(db, token);
  if (check.ok) await updateNotificationPreferences(db, check.userId, { [EMAIL_PREFERENCE[check.kind]]: false });
  return check;
}
