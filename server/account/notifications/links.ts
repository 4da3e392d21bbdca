import { env } from "@/server/env";
import type { NotificationKind, NotificationLinks } from "./sources";
import { unsubscribeToken } from "./unsubscribe-token";

export const PREFERENCES_PATH = "/settings/notifications";

export function notificationLinks(userId: string, kind: NotificationKind, appUrl: string = env().APP_URL): NotificationLinks {
  return {
    appUrl,
    unsubscribeUrl: new URL(`/unsubscribe/${unsubscribeToken(userId, kind)}`, appUrl).toString(),
    preferencesUrl: new URL(PREFERENCES_PATH, appUrl).toString(),
  };
}

/** RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link. */
export function unsubscribeHeaders(links: NotificationLinks): Record<string, string> {
  return { "List-Unsubscribe": `<${links.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
