import Link from "next/link";
import { ACTIVITY_PAGE_SIZE, ActivityList } from "@/components/privacy/activity-list";
import { currentProfile, requireUser } from "@/components/shell/session";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getQueryClient, HydrateClient, trpc } from "@/server/api/rsc";

export const metadata = { title: "Activity on your data" };

export default async function PrivacyActivityPage() {
  const user = await requireUser("/settings/privacy/activity");
  const [profile] = await Promise.all([
    currentProfile(user.id),
    getQueryClient().prefetchInfiniteQuery(trpc.privacy.activity.list.infiniteQueryOptions({ limit: ACTIVITY_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor })),
  ]);
  return (
    <HydrateClient>
      <Card>
        <CardHeader>
          <CardTitle>Activity on your data</CardTitle>
          <CardDescription>
            Sensitive reads and changes of your data: by you, by an administrator (for example opening an email sent to you) or by BioSync itself.{" "}
            <Link href="/settings/privacy" className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
              Back to privacy settings
            </Link>
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ActivityList timeZone={profile.timeZone} />
        </CardContent>
      </Card>
    </HydrateClient>
  );
}
