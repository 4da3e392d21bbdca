import { PageSkeleton, SkeletonBlocks } from "@/components/loading/page-skeleton";

export default function ReportLoading() {
  return (
    <PageSkeleton label="Loading the weekly report" introWidth="w-80">
      <SkeletonBlocks blocks={["h-40", "h-48", "h-80"]} />
    </PageSkeleton>
  );
}
