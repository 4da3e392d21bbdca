"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** "sleep_sessions" → "Sleep sessions". */
const tableLabel = (name: string) => name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, " ");

/** The dry run: how many records of each kind, and how many files, erasing the account removes. */
export function ErasurePlan() {
  const trpc = useTRPC();
  const plan = useQuery(trpc.privacy.deletion.dryRun.queryOptions());
  if (plan.isPending) {
    return (
      <div role="status" aria-label="Counting your data" className="flex flex-col gap-2">
        <Skeleton className="h-6" />
        <Skeleton className="h-24" />
      </div>
    );
  }
  if (plan.isError) return <Alert variant="error">Could not count your data: {plan.error.message}</Alert>;
  const { tables, deletedRows, detachedRows, files } = plan.data;
  const held = tables.filter((t) => t.rows > 0);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm" data-testid="erasure-summary">
        Deleting your account removes <strong>{deletedRows.toLocaleString("en")}</strong> records and <strong>{files.toLocaleString("en")}</strong> stored{" "}
        {files === 1 ? "file" : "files"}.
        {detachedRows > 0 ? ` ${detachedRows.toLocaleString("en")} security log entries stay, with no link to you.` : ""}
      </p>
      <div className="max-h-64 overflow-y-auto rounded-md border border-zinc-200 dark:border-zinc-800">
        <Table aria-label="Records by kind">
          <TableHeader>
            <TableRow>
              <TableHead>Kind</TableHead>
              <TableHead className="text-right">Records</TableHead>
              <TableHead>What happens</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {held.map((t) => (
              <TableRow key={t.table}>
                <TableCell>{tableLabel(t.table)}</TableCell>
                <TableCell className="text-right tabular-nums">{t.rows.toLocaleString("en")}</TableCell>
                <TableCell className="text-zinc-600 dark:text-zinc-400">{t.erase === "detach" ? "Kept, unlinked from you" : "Deleted"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
