import { Skeleton } from "@/components/ui/skeleton";

export default function AdminOutboxEmailLoading() {
  return (
    <div role="status" aria-label="Loading email" className="flex flex-col gap-4">
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-48" />
      <Skeleton className="h-96" />
    </div>
  );
}
