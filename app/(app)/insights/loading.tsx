import { Skeleton } from "@/components/ui/skeleton";

export default function InsightsLoading() {
  return (
    <div role="status" aria-label="Loading your insights">
      <Skeleton className="mb-2 h-8 w-40" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <div className="flex flex-col gap-6">
        <Skeleton className="h-80" />
        <Skeleton className="h-96" />
        <Skeleton className="h-64" />
      </div>
    </div>
  );
}
