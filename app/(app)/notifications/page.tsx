import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { NOTIFICATION_PAGE_SIZE } from "@/components/notifications/page-size";
import { PreviewButton } from "@/components/notifications/preview-button";
import { currentProfile, requireUser } from "@/components/shell/session";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser("/notifications");
  const [profile] = await Promise.all([
    currentProfile(user.id),
    getQueryClient().prefetchInfiniteQuery(trpc.notifications.list.infiniteQueryOptions({ limit: NOTIFICATION_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor })),
  ]);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          <>
            Everything BioSync told you, newest first. Choose which ones also come by email in{" "}
            <Link href="/settings/notifications" className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
              notification settings
            </Link>
            .
          </>
        }
        actions={<PreviewButton />}
      />
      <HydrateClient>
        <NotificationList timeZone={profile.timeZone} />
      </HydrateClient>
    </>
  );
}
