import { BodyPageSkeleton } from "@/components/trends/body-page-skeleton";

export default function SleepLoading() {
  return <BodyPageSkeleton label="Loading your sleep" />;
}
