import { EmailChangeForm } from "@/components/profile/email-change-form";
import { ProfileForm } from "@/components/profile/profile-form";
import { currentProfile, requireUser } from "@/components/shell/session";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Profile settings" };

export default async function ProfileSettingsPage() {
  const user = await requireUser("/settings/profile");
  const profile = await currentProfile(user.id);
  await prefetch(trpc.profile.get.queryOptions());
  return (
    <HydrateClient>
      <div className="flex flex-col gap-6">
        <ProfileForm />
        <EmailChangeForm email={profile.email} verified={profile.emailVerified} />
      </div>
    </HydrateClient>
  );
}
