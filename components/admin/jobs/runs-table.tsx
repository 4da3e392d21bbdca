import { formatDistanceToNowStrict } from "date-fns";
import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { JobRunStatus } from "@/db/schema";
import { RunActions } from "./run-actions";
import { RunStatusBadge } from "./run-status-badge";

export interface RunRow {
  id: string;
  functionId: string;
  eventName: string;
  status: JobRunStatus;
  attempt: number;
  maxAttempts: number;
  runAfter: Date;
  lastError: string | null;
  createdAt: Date;
}

function ago(date: Date): string {
  return formatDistanceToNowStrict(date, { addSuffix: true });
}

/** The first line of an error (stack traces belong on the detail page). */
function headline(error: string): string {
  return error.split("\n", 1)[0] ?? error;
}

export function RunsTable({ runs }: { runs: RunRow[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Function</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Attempts</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Last error</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id} data-testid="job-run-row">
            <TableCell>
              <Link href={`/admin/jobs/${run.id}`} className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
                {run.functionId}
              </Link>
              <div className="text-xs text-zinc-500">{run.eventName}</div>
            </TableCell>
            <TableCell>
              <RunStatusBadge status={run.status} />
              {run.status === "queued" && run.attempt > 0 ? (
                <div className="mt-1 text-xs text-zinc-500">retry {ago(run.runAfter)}</div>
              ) : null}
            </TableCell>
            <TableCell className="tabular-nums">
              {Math.min(run.attempt + (run.status === "queued" ? 0 : 1), run.maxAttempts)} / {run.maxAttempts}
            </TableCell>
            <TableCell className="whitespace-nowrap" title={run.createdAt.toISOString()}>
              {ago(run.createdAt)}
            </TableCell>
            <TableCell className="max-w-xs truncate text-xs text-red-700 dark:text-red-400" title={run.lastError ?? undefined}>
              {run.lastError ? headline(run.lastError) : null}
            </TableCell>
            <TableCell className="text-right">
              <RunActions runId={run.id} status={run.status} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
