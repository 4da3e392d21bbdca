import { SettingsSkeleton } from "@/components/profile/settings-skeleton";

export default function PrivacyActivityLoading() {
  return <SettingsSkeleton label="Loading the activity on your data" rows={5} />;
}
