import { SettingsSkeleton } from "@/components/profile/settings-skeleton";

export default function ProfileSettingsLoading() {
  return <SettingsSkeleton label="Loading your profile" rows={5} />;
}
