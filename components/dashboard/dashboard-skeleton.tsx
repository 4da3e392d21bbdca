import { SkeletonBlocks } from "@/components/loading/page-skeleton";

/** The dashboard's shape while it loads (the route's loading.tsx and the client's pending state). */
export function DashboardSkeleton() {
  return (
    <div role="status" aria-label="Loading your dashboard" className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <SkeletonBlocks blocks={["h-80", "h-48", "h-56"]} />
      <SkeletonBlocks blocks={["h-5 w-48", "h-64", "h-40"]} />
    </div>
  );
}
