import { PageSkeleton, SkeletonBlocks } from "@/components/loading/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function ActionPlanLoading() {
  return (
    <PageSkeleton label="Loading your action plan" titleWidth="w-44" introWidth="w-96">
      <Skeleton className="mb-4 h-10 w-72" />
      <SkeletonBlocks blocks={["h-32", "h-32", "h-32"]} className="flex flex-col gap-3" />
    </PageSkeleton>
  );
}
