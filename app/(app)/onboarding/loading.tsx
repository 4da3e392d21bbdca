import { Skeleton } from "@/components/ui/skeleton";

export default function OnboardingLoading() {
  return (
    <div role="status" aria-label="Loading" className="mx-auto flex max-w-xl flex-col gap-4 py-4">
      <Skeleton className="mx-auto h-8 w-64" />
      <Skeleton className="h-80" />
    </div>
  );
}
