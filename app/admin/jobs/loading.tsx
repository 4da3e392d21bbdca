import { Skeleton } from "@/components/ui/skeleton";

export default function AdminJobsLoading() {
  return (
    <div role="status" aria-label="Loading job runs" className="flex flex-col gap-4">
      <Skeleton className="h-8 w-32" />
      <div className="flex flex-wrap gap-2">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-24 rounded-full" />
        ))}
      </div>
      <Skeleton className="h-96" />
    </div>
  );
}
