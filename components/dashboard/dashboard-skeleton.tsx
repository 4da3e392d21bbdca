import { Skeleton } from "@/components/ui/skeleton";

/** The dashboard's shape while it loads (the route's loading.tsx and the client's pending state). */
export function DashboardSkeleton() {
  return (
    <div role="status" aria-label="Loading your dashboard" className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <div className="flex flex-col gap-6">
        <Skeleton className="h-80" />
        <Skeleton className="h-48" />
        <Skeleton className="h-56" />
      </div>
      <div className="flex flex-col gap-6">
        <Skeleton className="h-5 w-48" />
        <Skeleton className="h-64" />
        <Skeleton className="h-40" />
      </div>
    </div>
  );
}
