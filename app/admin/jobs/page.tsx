import { ListChecks } from "lucide-react";
import { CursorPager } from "@/components/admin/cursor-pager";
import { RunsTable } from "@/components/admin/jobs/runs-table";
import { StatusFilter } from "@/components/admin/jobs/status-filter";
import { firstParam, withQuery } from "@/components/admin/query-string";
import { requireAdmin } from "@/components/shell/session";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { jobRunStatus, type JobRunStatus } from "@/db/schema";
import { serverCaller } from "@/server/api/rsc";
import { jobBackend } from "@/server/env";

export const metadata = { title: "Jobs" };

const PAGE_SIZE = 25;

function parseStatus(value: string | undefined): JobRunStatus | undefined {
  return jobRunStatus.enumValues.find((s) => s === value);
}

export default async function AdminJobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin("/admin/jobs");
  const params = await searchParams;
  const status = parseStatus(firstParam(params.status));
  const cursor = firstParam(params.cursor);
  const api = await serverCaller();
  const [page, counts] = await Promise.all([api.jobs.list({ limit: PAGE_SIZE, status, cursor }), api.jobs.counts()]);
  const backend = jobBackend();

  return (
    <>
      <PageHeader
        title="Jobs"
        description={
          backend === "local"
            ? "Runs of the in-process job runner: retries, failures and their errors."
            : "Jobs run on Inngest: see the Inngest dashboard. Runs listed here are from the in-process runner only."
        }
      />
      <StatusFilter current={status} counts={counts} />
      {page.items.length === 0 ? (
        <EmptyState
          icon={<ListChecks />}
          title={status ? `No ${status} runs` : "No job runs yet"}
          description="Runs appear here when the app sends an event, such as a verification email request."
        />
      ) : (
        <Card>
          <RunsTable runs={page.items} />
        </Card>
      )}
      <CursorPager basePath={withQuery("/admin/jobs", { status })} paged={Boolean(cursor)} nextCursor={page.nextCursor} />
    </>
  );
}
