import { SettingsSkeleton } from "@/components/profile/settings-skeleton";

export default function NotificationSettingsLoading() {
  return <SettingsSkeleton label="Loading notification settings" />;
}
