import { SettingsSkeleton } from "@/components/profile/settings-skeleton";

export default function ScoreSettingsLoading() {
  return <SettingsSkeleton label="Loading score settings" rows={6} />;
}
