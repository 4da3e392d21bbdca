import { format } from "date-fns";
import Link from "next/link";
import { DetailList } from "@/components/admin/detail-list";
import { JsonBlock } from "@/components/admin/jobs/json-block";
import { RunActions } from "@/components/admin/jobs/run-actions";
import { RunStatusBadge } from "@/components/admin/jobs/run-status-badge";
import { loadOrNotFound } from "@/components/admin/load-or-not-found";
import { requireAdmin } from "@/components/shell/session";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/api/rsc";

export const metadata = { title: "Job run" };

const when = (date: Date | null) => (date ? format(date, "yyyy-MM-dd HH:mm:ss") : null);

export default async function AdminJobRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/jobs/${id}`);
  const api = await serverCaller();
  const run = await loadOrNotFound(() => api.jobs.get({ id }));

  return (
    <>
      <Link href="/admin/jobs" className="mb-2 inline-block text-sm text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
        ← All runs
      </Link>
      <PageHeader title={run.functionId} description={`Run ${run.id}`} actions={<RunActions runId={run.id} status={run.status} />} />
      <div className="flex flex-col gap-6">
        <Card>
          <CardContent className="pt-6">
            <DetailList
              items={[
                { label: "Status", value: <RunStatusBadge status={run.status} /> },
                { label: "Event", value: run.event.name },
                { label: "Attempt", value: `${run.attempt + 1} of ${run.maxAttempts}` },
                { label: "Created", value: when(run.createdAt) },
                { label: "Started", value: when(run.startedAt) },
                { label: "Finished", value: when(run.finishedAt) },
                { label: run.status === "queued" ? "Next try" : "Scheduled", value: when(run.runAfter) },
                { label: "Concurrency key", value: run.concurrencyKey },
                { label: "Worker", value: run.lockedBy ? `${run.lockedBy} (lease until ${when(run.lockedUntil)})` : null },
                { label: "Idempotency id", value: run.event.idempotencyKey },
              ]}
            />
          </CardContent>
        </Card>

        {run.lastError ? (
          <Card className="border-red-300 dark:border-red-900">
            <CardHeader>
              <CardTitle>{run.status === "completed" ? "Last error (recovered)" : "Error"}</CardTitle>
            </CardHeader>
            <CardContent>
              <pre data-testid="job-run-error" className="max-h-96 overflow-auto whitespace-pre-wrap rounded-md bg-red-50 p-3 text-xs leading-5 text-red-900 dark:bg-red-950/40 dark:text-red-200">
                {run.lastError}
              </pre>
            </CardContent>
          </Card>
        ) : null}

        <Card>
          <CardHeader>
            <CardTitle>Steps</CardTitle>
          </CardHeader>
          <CardContent>
            {run.steps.length === 0 ? (
              <p className="text-sm text-zinc-500">No step has completed yet.</p>
            ) : (
              <ol className="flex flex-col gap-4">
                {run.steps.map((step) => (
                  <li key={step.stepId}>
                    <div className="mb-1 flex items-baseline justify-between gap-2 text-sm">
                      <span className="font-medium">{step.stepId}</span>
                      <span className="text-xs text-zinc-500">{when(step.createdAt)}</span>
                    </div>
                    <JsonBlock value={step.result} label={`Result of step ${step.stepId}`} />
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Event data</CardTitle>
            </CardHeader>
            <CardContent>
              <JsonBlock value={run.event.data} label="Event data" />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Output</CardTitle>
            </CardHeader>
            <CardContent>
              {run.status === "completed" ? <JsonBlock value={run.output} label="Run output" /> : <p className="text-sm text-zinc-500">Available once the run completes.</p>}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
