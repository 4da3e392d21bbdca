import { PageSkeleton, SkeletonBlocks } from "@/components/loading/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function DevicesLoading() {
  return (
    <PageSkeleton label="Loading your devices">
      <SkeletonBlocks blocks={["h-44", "h-44", "h-44", "h-44"]} className="grid gap-4 md:grid-cols-2" />
      <Skeleton className="mt-10 h-48" />
    </PageSkeleton>
  );
}
