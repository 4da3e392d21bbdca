"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { FileClock } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportView } from "@/server/health/imports/router";
import { formatBytes, IMPORT_KIND_LABEL, IMPORT_PAGE_SIZE, IMPORT_STATUS_BADGE, isImportActive } from "./import-format";
import { RelativeTime } from "@/components/ui/relative-time";

/** The user's earlier imports, newest first, with "Load more"; "Report" shows one above. */
export function ImportHistory({ timeZone, onShowReport }: { timeZone: string; onShowReport: (id: string) => void }) {
  const trpc = useTRPC();
  const history = useInfiniteQuery(
    trpc.imports.list.infiniteQueryOptions(
      { limit: IMPORT_PAGE_SIZE },
      {
        getNextPageParam: (page) => page.nextCursor,
        refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some((item) => isImportActive(item.status))) ? 3000 : false),
      },
    ),
  );

  if (history.isPending) {
    return (
      <div role="status" aria-label="Loading past imports" className="flex flex-col gap-2">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-10" />
        ))}
      </div>
    );
  }
  if (history.isError) return <Alert variant="error">Could not load your past imports: {history.error.message}</Alert>;
  const items = history.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return <EmptyState icon={<FileClock />} title="No imports yet" description="Files you import are listed here with what was imported." />;
  }

  return (
    <div className="flex flex-col gap-3">
      <Table aria-label="Past imports">
        <TableHeader>
          <TableRow>
            <TableHead>File</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Items</TableHead>
            <TableHead className="text-right">Errors</TableHead>
            <TableHead>Uploaded</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <HistoryRow key={item.id} item={item} timeZone={timeZone} onShowReport={onShowReport} />
          ))}
        </TableBody>
      </Table>
      <LoadMore list={history} />
    </div>
  );
}

function HistoryRow({ item, timeZone, onShowReport }: { item: ImportView; timeZone: string; onShowReport: (id: string) => void }) {
  const badge = IMPORT_STATUS_BADGE[item.status];
  return (
    <TableRow>
      <TableCell className="min-w-40 max-w-56">
        <div className="truncate font-medium" title={item.filename}>
          {item.filename}
        </div>
        <div className="text-xs text-zinc-600 dark:text-zinc-400">
          {IMPORT_KIND_LABEL[item.kind] ?? "File"} · {formatBytes(item.sizeBytes)}
        </div>
      </TableCell>
      <TableCell>
        <Badge variant={badge.variant}>{badge.label}</Badge>
      </TableCell>
      <TableCell className="text-right tabular-nums">{item.itemsImported.toLocaleString("en")}</TableCell>
      <TableCell className="text-right tabular-nums">{item.errorCount.toLocaleString("en")}</TableCell>
      <TableCell className="whitespace-nowrap">
        <RelativeTime date={item.createdAt} timeZone={timeZone} />
      </TableCell>
      <TableCell className="text-right">
        <Button variant="ghost" size="sm" onClick={() => onShowReport(item.id)} aria-label={`Show the report of ${item.filename}`}>
          Report
        </Button>
      </TableCell>
    </TableRow>
  );
}
