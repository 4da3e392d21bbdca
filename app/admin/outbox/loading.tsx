import { Skeleton } from "@/components/ui/skeleton";

export default function AdminOutboxLoading() {
  return (
    <div role="status" aria-label="Loading emails" className="flex flex-col gap-4">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-10 w-80" />
      <Skeleton className="h-96" />
    </div>
  );
}
