import Link from "next/link";
import { AccountDeletionCard } from "@/components/privacy/account-deletion-card";
import { ConsentSettings } from "@/components/privacy/consent-settings";
import { RawRetentionSetting } from "@/components/privacy/raw-retention-setting";
import { currentProfile, requireUser } from "@/components/shell/session";
import { DELETION_GRACE_DAYS } from "@/server/account/privacy/policy";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Privacy settings" };

export default async function PrivacySettingsPage() {
  const user = await requireUser("/settings/privacy");
  const [profile] = await Promise.all([
    currentProfile(user.id),
    prefetch(trpc.privacy.deletion.status.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div className="flex flex-col gap-6">
        <ConsentSettings timeZone={profile.timeZone} />
        <RawRetentionSetting />
        <section aria-labelledby="activity-link-title" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <div className="flex flex-col gap-1">
            <h2 id="activity-link-title" className="text-sm font-semibold">
              Activity on your data
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Who read or changed sensitive data of yours, and when.</p>
          </div>
          <Link href="/settings/privacy/activity" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
            View activity
          </Link>
        </section>
        <AccountDeletionCard timeZone={profile.timeZone} graceDays={DELETION_GRACE_DAYS} />
      </div>
    </HydrateClient>
  );
}
