import { PageSkeleton, SkeletonBlocks } from "@/components/loading/page-skeleton";

export default function ReportsLoading() {
  return (
    <PageSkeleton label="Loading your weekly reports" introWidth="w-96">
      <SkeletonBlocks blocks={["h-40", "h-40", "h-40"]} />
    </PageSkeleton>
  );
}
