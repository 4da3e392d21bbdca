import { PushSettings } from "@/components/notifications/push-settings";
import { NotificationSettings } from "@/components/profile/notification-settings";
import { requireUser } from "@/components/shell/session";

export const metadata = { title: "Notification settings" };

/** The preferences come from this device's synced copy (they work offline); nothing to prefetch. */
export default async function NotificationSettingsPage() {
  await requireUser("/settings/notifications");
  return (
    <div className="flex flex-col gap-6">
      <NotificationSettings />
      <PushSettings />
    </div>
  );
}
