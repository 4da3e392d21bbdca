import { Skeleton } from "@/components/ui/skeleton";

/** The loading state of an admin list page: title, filter bar, table. */
export function ListLoading({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="flex flex-col gap-4">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-10 w-80" />
      <Skeleton className="h-96" />
    </div>
  );
}
