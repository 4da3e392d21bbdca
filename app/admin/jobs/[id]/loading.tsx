import { Skeleton } from "@/components/ui/skeleton";

export default function AdminJobRunLoading() {
  return (
    <div role="status" aria-label="Loading job run" className="flex flex-col gap-4">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-56" />
      <Skeleton className="h-40" />
    </div>
  );
}
