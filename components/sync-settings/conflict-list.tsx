"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { GitMerge } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/components/ui/time-format";
import { useToast } from "@/components/ui/toast";
import { displayConflictValue, restoreWords } from "./sync-words";

const PAGE_SIZE = 20;
const deviceName = (device: string | null) => device ?? "another device";

/**
 * Where two devices changed the same field from the same starting point: the value kept (the later
 * change) and the other one, which can be restored; dismissing keeps the kept value.
 */
export function ConflictList({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const list = useInfiniteQuery(trpc.sync.conflicts.list.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const settled = (title: string) => ({
    onSuccess: async () => {
      toast({ title, variant: "success" });
      await queryClient.invalidateQueries({ queryKey: trpc.sync.conflicts.list.pathKey() });
    },
    onError: (error: { message: string }) => toast({ title: "That did not work", description: error.message, variant: "error" }),
  });
  const restore = useMutation(trpc.sync.conflicts.restore.mutationOptions(settled("Value restored")));
  const dismiss = useMutation(trpc.sync.conflicts.dismiss.mutationOptions(settled("Conflict dismissed")));
  const busy = (id: string) => (restore.isPending && restore.variables?.id === id) || (dismiss.isPending && dismiss.variables?.id === id);

  return (
    <Card>
      <CardHeader>
        <CardTitle>Conflicts</CardTitle>
        <CardDescription>When two devices changed the same thing while apart, the later change is kept. The other value is kept here, so nothing is lost.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {list.isPending ? (
          <div className="flex flex-col gap-2" aria-busy="true" aria-label="Loading conflicts">
            <Skeleton className="h-20" />
            <Skeleton className="h-20" />
          </div>
        ) : list.isError ? (
          <Alert variant="error" className="flex flex-wrap items-center justify-between gap-2">
            <span>The conflicts could not be loaded: {list.error.message}</span>
            <Button size="sm" variant="outline" onClick={() => void list.refetch()}>
              Try again
            </Button>
          </Alert>
        ) : list.data.pages[0]!.items.length === 0 ? (
          <EmptyState icon={<GitMerge />} title="No conflicts" description="Every change from your devices fitted together." />
        ) : (
          <>
            <ul className="flex flex-col gap-3">
              {list.data.pages
                .flatMap((page) => page.items)
                .map((c) => (
                  <li key={c.id}>
                    <article aria-label={`${c.row}: ${c.field}`} className="flex flex-col gap-2 rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
                      <h3 className="font-medium">
                        {c.row}: {c.field}
                      </h3>
                      <dl className="grid gap-2 text-sm sm:grid-cols-2">
                        <div>
                          <dt className="text-zinc-500">Kept (from {deviceName(c.keptDevice)})</dt>
                          <dd className="font-medium break-words">{displayConflictValue(c.kind, c.keptValue)}</dd>
                        </div>
                        <div>
                          <dt className="text-zinc-500">Other value (from {deviceName(c.losingDevice)})</dt>
                          <dd className="font-medium break-words">{displayConflictValue(c.kind, c.losingValue)}</dd>
                        </div>
                      </dl>
                      <p className="text-xs text-zinc-500">{formatDateTime(c.createdAt, timeZone)}</p>
                      <div className="flex flex-wrap gap-2">
                        <Button size="sm" onClick={() => restore.mutate({ id: c.id })} pending={restore.isPending && restore.variables?.id === c.id} disabled={busy(c.id)}>
                          {restoreWords(c)}
                        </Button>
                        <Button size="sm" variant="outline" onClick={() => dismiss.mutate({ id: c.id })} pending={dismiss.isPending && dismiss.variables?.id === c.id} disabled={busy(c.id)}>
                          Dismiss
                        </Button>
                      </div>
                    </article>
                  </li>
                ))}
            </ul>
            {list.hasNextPage ? (
              <div>
                <Button variant="outline" size="sm" onClick={() => void list.fetchNextPage()} pending={list.isFetchingNextPage}>
                  Show older
                </Button>
              </div>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
