import { SettingsSkeleton } from "@/components/profile/settings-skeleton";

export default function AdminScoreWeightsLoading() {
  return <SettingsSkeleton label="Loading score weights" rows={6} />;
}
