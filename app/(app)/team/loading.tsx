import { PageSkeleton, SkeletonBlocks } from "@/components/loading/page-skeleton";

export default function TeamLoading() {
  return (
    <PageSkeleton label="Loading your team" introWidth="w-96">
      <SkeletonBlocks blocks={["h-24", "h-48", "h-40"]} />
    </PageSkeleton>
  );
}
