import { SettingsSkeleton } from "@/components/profile/settings-skeleton";

export default function PlanLoading() {
  return <SettingsSkeleton label="Loading your plan" rows={4} />;
}
