"use client";

import { useSyncExternalStore } from "react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { BellRing, Send, Smartphone, Trash2 } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { pushUnsupportedReason, usePushSubscribe } from "./push-subscribe";

const PAGE_SIZE = 20;
const noSubscription = () => () => {};

const TEST_NOTE = {
  sent: { title: "Test notification sent", description: "It should appear on that device in a moment.", variant: "success" },
  removed: { title: "Device removed", description: "Its browser no longer takes notifications from BioSync. Turn push on there again to get them.", variant: "error" },
  failed: { title: "The test did not go through", description: "The device's push service refused it. Try again later; after five failures in a row the device is paused.", variant: "error" },
} as const;

/** "Push on this device", and the devices that get push notifications, with a test and remove each. */
export function PushDevices({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  // Known only in the browser: rendered after hydration.
  const unsupported = useSyncExternalStore(noSubscription, pushUnsupportedReason, () => null);
  const list = useInfiniteQuery(trpc.notifications.push.list.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.push.list.pathKey() });
  const enable = usePushSubscribe();
  const test = useMutation(
    trpc.notifications.push.test.mutationOptions({
      onSuccess: async ({ outcome }) => {
        toast(TEST_NOTE[outcome]);
        await refresh();
      },
      onError: (error) => toast({ title: "No test sent", description: error.message, variant: "error" }),
    }),
  );
  const remove = useMutation(
    trpc.notifications.push.unsubscribe.mutationOptions({
      onSuccess: async () => {
        toast({ title: "Device removed", variant: "success" });
        await refresh();
      },
      onError: (error) => toast({ title: "Device not removed", description: error.message, variant: "error" }),
    }),
  );
  const devices = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <Button onClick={() => enable.mutate()} pending={enable.isPending} disabled={unsupported !== null}>
          <BellRing className="size-4" aria-hidden />
          Push on this device
        </Button>
        {enable.isSuccess ? <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">This device gets push notifications now.</p> : null}
      </div>
      {unsupported ? <Alert>{unsupported}</Alert> : null}
      {enable.isError ? <Alert variant="error">{enable.error.message}</Alert> : null}

      {list.isError && !list.data ? (
        <Alert variant="error">
          Could not load your devices: {list.error.message}{" "}
          <Button variant="link" className="h-auto p-0" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !list.data ? (
        <div role="status" aria-label="Loading your devices" className="flex flex-col gap-2">
          <Skeleton className="h-16" />
          <Skeleton className="h-16" />
        </div>
      ) : devices.length === 0 ? (
        <EmptyState icon={<Smartphone />} title="No devices yet" description="Turn push on in each browser or phone where you want notifications." />
      ) : (
        <ul aria-label="Devices with push notifications" className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {devices.map((device) => (
            <li key={device.id} className="flex flex-col gap-3 p-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="flex min-w-0 flex-col gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{device.label}</span>
                  {device.disabledAt ? <Badge variant="warning">Paused after failures</Badge> : null}
                </div>
                <p className="text-xs text-zinc-500">
                  {device.service} · added <RelativeTime date={device.createdAt} timeZone={timeZone} />
                  {device.lastSuccessAt ? (
                    <>
                      {" "}
                      · last delivered <RelativeTime date={device.lastSuccessAt} timeZone={timeZone} />
                    </>
                  ) : null}
                </p>
              </div>
              <div className="flex gap-2">
                <Button variant="outline" size="sm" onClick={() => test.mutate({ id: device.id })} pending={test.isPending && test.variables?.id === device.id} aria-label={`Send test to ${device.label}`}>
                  <Send className="size-4" aria-hidden />
                  Send test
                </Button>
                <Button variant="ghost" size="sm" onClick={() => remove.mutate({ id: device.id })} pending={remove.isPending && remove.variables?.id === device.id} aria-label={`Remove ${device.label}`}>
                  <Trash2 className="size-4" aria-hidden />
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={list} />
    </div>
  );
}
