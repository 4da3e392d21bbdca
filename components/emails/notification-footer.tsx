import type { NotificationLinks } from "@/server/account/notifications/sources";
import { EmailFooterLinks } from "./layout";

/** The footer of every notification email: leave this kind with one click, or change the settings. */
export function NotificationFooter({ links, kindLabel }: { links: NotificationLinks; kindLabel: string }) {
  return (
    <EmailFooterLinks
      links={[
        { href: links.unsubscribeUrl, label: `Unsubscribe from ${kindLabel}` },
        { href: links.preferencesUrl, label: "Notification settings" },
      ]}
    />
  );
}
