import { PageSkeleton, SkeletonBlocks } from "@/components/loading/page-skeleton";

export default function InsightsLoading() {
  return (
    <PageSkeleton label="Loading your insights" introWidth="w-96">
      <SkeletonBlocks blocks={["h-80", "h-96", "h-64"]} />
    </PageSkeleton>
  );
}
