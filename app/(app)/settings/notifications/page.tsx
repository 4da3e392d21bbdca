import { PushSettings } from "@/components/notifications/push-settings";
import { NotificationSettings } from "@/components/profile/notification-settings";
import { requireUser } from "@/components/shell/session";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  await requireUser("/settings/notifications");
  await Promise.all([prefetch(trpc.profile.notifications.get.queryOptions()), prefetch(trpc.profile.get.queryOptions())]);
  return (
    <HydrateClient>
      <div className="flex flex-col gap-6">
        <NotificationSettings />
        <PushSettings />
      </div>
    </HydrateClient>
  );
}
