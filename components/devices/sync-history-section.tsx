"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { SYNC_RUN_KINDS, type ProviderCard, type SyncRunView } from "@/server/health/devices/views";
import { formatDuration, HISTORY_PAGE_SIZE, providersBusy, RUN_KIND_LABEL } from "./format";
import { RelativeTime } from "@/components/ui/relative-time";
import { DevicesSection } from "./section";

const ALL = "all";
const POLL_MS = 3000;

type RunKind = SyncRunView["kind"];

const STATUS_BADGE = {
  running: { variant: "default", label: "Running" },
  succeeded: { variant: "success", label: "Succeeded" },
  failed: { variant: "danger", label: "Failed" },
} as const;

/** Every sync attempt, newest first, a page at a time, optionally for one provider and kind. */
export function SyncHistorySection({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const [provider, setProvider] = useState<ProviderCard["id"] | null>(null);
  const [kind, setKind] = useState<RunKind | null>(null);
  // Cursors of the pages before the current one, so "Newer" can step back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const providers = useQuery(trpc.devices.providers.queryOptions());
  const history = useQuery({
    ...trpc.devices.history.queryOptions({ limit: HISTORY_PAGE_SIZE, ...(provider ? { provider } : {}), ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}) }),
    placeholderData: keepPreviousData,
    // Only the first page moves while syncs run; older pages stay put under the reader.
    refetchInterval: (query) =>
      cursors.length === 1 && (providersBusy(providers.data) || query.state.data?.items.some((run) => run.status === "running")) ? POLL_MS : false,
  });
  const names = new Map((providers.data ?? []).map((card) => [card.id as string, card.displayName]));
  const nameOf = (id: string) => names.get(id) ?? (id === "apple_health" ? "Apple Health" : id);

  const filters = (
    <>
      <Select
        value={provider ?? ALL}
        onValueChange={(value) => {
          setProvider(value === ALL ? null : (providers.data?.find((card) => card.id === value)?.id ?? null));
          setCursors([null]);
        }}
      >
        <SelectTrigger className="w-full sm:w-44" aria-label="Show history for">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All providers</SelectItem>
          {(providers.data ?? []).map((card) => (
            <SelectItem key={card.id} value={card.id}>
              {card.displayName}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select
        value={kind ?? ALL}
        onValueChange={(value) => {
          setKind(SYNC_RUN_KINDS.find((k) => k === value) ?? null);
          setCursors([null]);
        }}
      >
        <SelectTrigger className="w-full sm:w-36" aria-label="Show kind of sync">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All kinds</SelectItem>
          {SYNC_RUN_KINDS.map((k) => (
            <SelectItem key={k} value={k}>
              {RUN_KIND_LABEL[k]}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </>
  );

  return (
    <DevicesSection id="sync-history" title="Sync history" description="Each sync, with what arrived and how long it took." actions={filters}>
      {history.isPending ? (
        <div role="status" aria-label="Loading sync history" className="flex flex-col gap-2">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-10" />
          ))}
        </div>
      ) : history.isError ? (
        <Alert variant="error">Could not load the sync history: {history.error.message}</Alert>
      ) : history.data.items.length === 0 && cursors.length === 1 ? (
        <EmptyState
          icon={<History />}
          title="No syncs yet"
          description={
            provider || kind ? "No syncs match these filters yet." : "Connect a provider above; each sync will be listed here."
          }
        />
      ) : (
        <>
          <Table aria-busy={history.isFetching && history.isPlaceholderData}>
            <TableHeader>
              <TableRow>
                <TableHead>Provider</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">Records</TableHead>
                <TableHead className="text-right">Duration</TableHead>
                <TableHead>Started</TableHead>
                <TableHead>Error</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.data.items.map((run) => (
                <HistoryRow key={run.id} run={run} providerName={nameOf(run.provider)} timeZone={timeZone} />
              ))}
            </TableBody>
          </Table>
          <nav aria-label="Sync history pages" className="flex justify-end gap-2">
            <Button variant="outline" size="sm" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Newer
            </Button>
            <Button
              variant="outline"
              size="sm"
              disabled={!history.data.nextCursor || history.isPlaceholderData}
              onClick={() => {
                const next = history.data.nextCursor;
                if (next) setCursors((c) => [...c, next]);
              }}
            >
              Older
            </Button>
          </nav>
        </>
      )}
    </DevicesSection>
  );
}

function HistoryRow({ run, providerName, timeZone }: { run: SyncRunView; providerName: string; timeZone: string }) {
  const status = STATUS_BADGE[run.status];
  return (
    <TableRow>
      <TableCell className="whitespace-nowrap font-medium">{providerName}</TableCell>
      <TableCell className="whitespace-nowrap">{RUN_KIND_LABEL[run.kind]}</TableCell>
      <TableCell>
        <Badge variant={status.variant}>{status.label}</Badge>
      </TableCell>
      <TableCell className="text-right tabular-nums">{run.records.toLocaleString("en")}</TableCell>
      <TableCell className="whitespace-nowrap text-right tabular-nums">{run.durationMs === null ? "—" : formatDuration(run.durationMs)}</TableCell>
      <TableCell className="whitespace-nowrap">
        <RelativeTime date={run.startedAt} timeZone={timeZone} />
      </TableCell>
      <TableCell className="max-w-xs truncate text-red-700 dark:text-red-300" title={run.error ?? undefined}>
        {run.error ?? ""}
      </TableCell>
    </TableRow>
  );
}
