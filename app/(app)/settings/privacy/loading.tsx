import { SettingsSkeleton } from "@/components/profile/settings-skeleton";

export default function PrivacySettingsLoading() {
  return <SettingsSkeleton label="Loading privacy settings" rows={6} />;
}
