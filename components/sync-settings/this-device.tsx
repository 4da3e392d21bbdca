"use client";

import { usePendingMutations, useSyncStatus } from "@/components/sync/hooks";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/components/ui/time-format";
import { madeAt, mutationWords } from "./sync-words";

const STATE_WORDS = { synced: "Synced", syncing: "Syncing…", offline: "Offline", error: "Sync error" } as const;

/** This browser's sync: its state, when it last heard from the server, and the changes waiting to be sent. */
export function ThisDevice({ timeZone }: { timeZone: string }) {
  const status = useSyncStatus();
  const pending = usePendingMutations();
  return (
    <Card>
      <CardHeader>
        <CardTitle>This device</CardTitle>
        <CardDescription>Your journal, settings and action plan are kept on this device too, so they work without a network; changes are sent when it is back.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-zinc-500">Status</dt>
            <dd className="font-medium" data-testid="sync-state">
              {STATE_WORDS[status.state]}
              {status.error ? `: ${status.error}` : ""}
            </dd>
          </div>
          <div>
            <dt className="text-zinc-500">Last synced</dt>
            <dd className="font-medium">{status.lastSyncedAt ? formatDateTime(new Date(status.lastSyncedAt), timeZone) : "Not yet"}</dd>
          </div>
        </dl>
        <section aria-labelledby="sync-outbox-title" className="flex flex-col gap-2">
          <h3 id="sync-outbox-title" className="text-sm font-semibold">
            Waiting to be sent
          </h3>
          {!pending ? (
            <Skeleton className="h-10" aria-label="Loading the changes waiting to be sent" />
          ) : pending.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing: every change made here has reached the server.</p>
          ) : (
            <ul className="flex flex-col divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
              {pending.map((m) => (
                <li key={m.id} className="flex flex-wrap justify-between gap-2 p-3">
                  <span>
                    {mutationWords(m.name)}
                    {m.row ? <span className="text-zinc-500"> · {m.row}</span> : null}
                  </span>
                  <span className="text-zinc-500">{formatDateTime(madeAt(m.timestamp), timeZone)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
