import { PageSkeleton, SkeletonBlocks } from "@/components/loading/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function JournalLoading() {
  return (
    <PageSkeleton label="Loading your journal" titleWidth="w-32" introWidth="w-96">
      <Skeleton className="mb-4 h-10 w-64" />
      <SkeletonBlocks blocks={["h-96"]} />
    </PageSkeleton>
  );
}
