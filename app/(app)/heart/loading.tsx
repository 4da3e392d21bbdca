import { BodyPageSkeleton } from "@/components/trends/body-page-skeleton";

export default function HeartLoading() {
  return <BodyPageSkeleton label="Loading your heart data" />;
}
