import { BodyPageSkeleton } from "@/components/trends/body-page-skeleton";

export default function TrendsLoading() {
  return <BodyPageSkeleton label="Loading your trends" />;
}
