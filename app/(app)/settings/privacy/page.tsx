import { PrivacySettings } from "@/components/profile/privacy-settings";
import { requireUser } from "@/components/shell/session";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Privacy settings" };

export default async function PrivacySettingsPage() {
  await requireUser("/settings/privacy");
  await Promise.all([prefetch(trpc.profile.privacy.get.queryOptions()), prefetch(trpc.profile.get.queryOptions())]);
  return (
    <HydrateClient>
      <PrivacySettings />
    </HydrateClient>
  );
}
