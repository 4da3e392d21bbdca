import { Skeleton } from "@/components/ui/skeleton";

export default function DevicesLoading() {
  return (
    <div role="status" aria-label="Loading your devices">
      <Skeleton className="mb-2 h-8 w-40" />
      <Skeleton className="mb-6 h-4 w-80 max-w-full" />
      <div className="grid gap-4 md:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-44" />
        ))}
      </div>
      <Skeleton className="mt-10 h-48" />
    </div>
  );
}
