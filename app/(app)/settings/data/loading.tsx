import { SettingsSkeleton } from "@/components/profile/settings-skeleton";

export default function YourDataLoading() {
  return <SettingsSkeleton label="Loading your data" rows={3} />;
}
