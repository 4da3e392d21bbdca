import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";
import { PageSkeleton } from "@/components/loading/page-skeleton";

export default function DashboardLoading() {
  return (
    <PageSkeleton titleWidth="w-64" introWidth="w-40">
      <DashboardSkeleton />
    </PageSkeleton>
  );
}
