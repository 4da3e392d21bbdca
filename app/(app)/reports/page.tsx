import { REPORT_PAGE_SIZE } from "@/components/reports/report-constants";
import { ReportList } from "@/components/reports/report-list";
import { requireUser } from "@/components/shell/session";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Weekly reports" };

/** The stored weekly reports, newest first; weeks over without one can be made here. */
export default async function ReportsPage() {
  await requireUser("/reports");
  await Promise.all([
    prefetch(trpc.reports.awaiting.queryOptions()),
    getQueryClient().prefetchInfiniteQuery(trpc.reports.list.infiniteQueryOptions({ limit: REPORT_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor })),
  ]);
  return (
    <>
      <PageHeader title="Weekly reports" description="Each week summed up as it was on the Monday after: averages, best and hardest day, and your strongest pattern." />
      <HydrateClient>
        <ReportList />
      </HydrateClient>
    </>
  );
}
