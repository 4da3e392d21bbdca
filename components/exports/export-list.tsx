"use client";

import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { Download, FileArchive } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { ImportProgressBar } from "@/components/imports/import-progress-bar";
import { formatBytes } from "@/components/imports/import-format";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/components/ui/time-format";
import type { ExportView } from "@/server/health/exports/schemas";
import { describeExportParams, EXPORT_PAGE_SIZE, EXPORT_POLL_MS, EXPORT_STATUS_BADGE, exportKindLabel, isExportActive } from "./export-format";

/** The user's exports, newest first, polled while one is in progress. */
export function ExportList({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.exports.list.infiniteQueryOptions(
      { limit: EXPORT_PAGE_SIZE },
      {
        getNextPageParam: (page) => page.nextCursor,
        refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some((item) => isExportActive(item.status))) ? EXPORT_POLL_MS : false),
      },
    ),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your exports</CardTitle>
        <CardDescription>Each file is deleted 7 days after it was written.</CardDescription>
      </CardHeader>
      <CardContent>
        {list.isPending ? (
          <div role="status" aria-label="Loading your exports" className="flex flex-col gap-2">
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} className="h-14" />
            ))}
          </div>
        ) : list.isError ? (
          <Alert variant="error">Could not load your exports: {list.error.message}</Alert>
        ) : list.data.pages[0]?.items.length === 0 ? (
          <EmptyState icon={<FileArchive />} title="No exports yet" description="Exports you ask for above are listed here, with their progress, until they expire." />
        ) : (
          <div className="flex flex-col gap-3">
            <ul aria-label="Exports" className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {list.data.pages.flatMap((page) => page.items).map((item) => (
                <ExportRow key={item.id} item={item} timeZone={timeZone} />
              ))}
            </ul>
            <LoadMore list={list} />
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function ExportRow({ item, timeZone }: { item: ExportView; timeZone: string }) {
  const trpc = useTRPC();
  const badge = EXPORT_STATUS_BADGE[item.status];
  const link = useMutation(trpc.exports.downloadUrl.mutationOptions({ onSuccess: ({ url }) => window.location.assign(url) }));
  const label = exportKindLabel(item.kind);
  const detail = describeExportParams(item);
  return (
    <li className="flex flex-col gap-2 py-3" aria-label={`${label} export, ${badge.label.toLowerCase()}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 flex-col">
          <span className="flex items-center gap-2 text-sm font-medium">
            {label} <Badge variant={badge.variant}>{badge.label}</Badge>
          </span>
          {detail ? <span className="truncate text-xs text-zinc-600 dark:text-zinc-400">{detail}</span> : null}
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            Requested <RelativeTime date={item.createdAt} timeZone={timeZone} />
            {item.status === "succeeded" && item.bytes !== null ? ` · ${formatBytes(item.bytes)}` : null}
            {item.status === "succeeded" && item.expiresAt ? ` · kept until ${formatDateTime(item.expiresAt, timeZone)}` : null}
          </span>
        </div>
        {item.status === "succeeded" ? (
          <Button size="sm" onClick={() => link.mutate({ id: item.id })} pending={link.isPending} aria-label={`Download ${item.filename ?? label}`}>
            <Download aria-hidden className="size-4" /> Download
          </Button>
        ) : null}
      </div>
      {item.status === "running" ? (
        item.progressTotal ? (
          <ImportProgressBar label="Writing the file" done={item.progressDone} total={item.progressTotal} detail={`${item.progressDone.toLocaleString("en")} of ${item.progressTotal.toLocaleString("en")}`} />
        ) : (
          <ImportProgressBar label="Writing the file" done={0} total={1} detail="starting" />
        )
      ) : null}
      {item.status === "queued" && item.error ? <p className="text-xs text-amber-700 dark:text-amber-300">Trying again after a problem: {item.error}</p> : null}
      {item.status === "failed" ? <Alert variant="error">{item.error ?? "The export failed."}</Alert> : null}
      {link.isError ? <Alert variant="error">{link.error.message}</Alert> : null}
    </li>
  );
}
