import { Skeleton } from "@/components/ui/skeleton";

export default function ActionPlanLoading() {
  return (
    <div role="status" aria-label="Loading your action plan">
      <Skeleton className="mb-2 h-8 w-44" />
      <Skeleton className="mb-6 h-4 w-96 max-w-full" />
      <Skeleton className="mb-4 h-10 w-72" />
      <div className="flex flex-col gap-3">
        <Skeleton className="h-32" />
        <Skeleton className="h-32" />
        <Skeleton className="h-32" />
      </div>
    </div>
  );
}
