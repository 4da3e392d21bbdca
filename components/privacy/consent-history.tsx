"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/components/ui/time-format";
import { consentLabel } from "./consent-labels";

const PAGE_SIZE = 10;

/** Every consent decision, newest first, with the policy version it was given under. */
export function ConsentHistory({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const history = useInfiniteQuery(trpc.privacy.consents.history.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));

  return (
    <section aria-labelledby="consent-history-title" className="flex flex-col gap-2">
      <h3 id="consent-history-title" className="text-sm font-semibold">
        History
      </h3>
      {history.isPending ? (
        <div role="status" aria-label="Loading the consent history" className="flex flex-col gap-2">
          <Skeleton className="h-6" />
          <Skeleton className="h-6" />
        </div>
      ) : history.isError ? (
        <Alert variant="error">Could not load the history: {history.error.message}</Alert>
      ) : history.data.pages[0]?.items.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No decisions yet: both consents are at their default (off).</p>
      ) : (
        <>
          <ul aria-label="Consent history" className="flex flex-col divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            {history.data.pages.flatMap((page) =>
              page.items.map((record) => (
                <li key={record.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                  <Badge variant={record.granted ? "success" : "neutral"}>{record.granted ? "Given" : "Withdrawn"}</Badge>
                  <span className="min-w-0 flex-1 font-medium">{consentLabel(record.consent)}</span>
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">
                    <time dateTime={record.at.toISOString()}>{formatDateTime(record.at, timeZone)}</time> · policy {record.version}
                  </span>
                </li>
              )),
            )}
          </ul>
          {history.hasNextPage ? (
            <Button variant="outline" size="sm" className="self-start" onClick={() => void history.fetchNextPage()} pending={history.isFetchingNextPage}>
              Show earlier decisions
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
