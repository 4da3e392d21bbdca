import { BodyPageSkeleton } from "@/components/trends/body-page-skeleton";

export default function ActivityLoading() {
  return <BodyPageSkeleton label="Loading your activity" />;
}
