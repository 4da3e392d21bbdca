"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useId, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { planErrorOf } from "@/components/plans/plan-error";
import { UpgradeNotice } from "@/components/plans/upgrade-notice";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import type { ProviderCard as ProviderCardData, SyncRunView } from "@/server/health/devices/views";
import { DisconnectDialog } from "./disconnect-dialog";
import { cardStatus } from "./format";
import { BackfillProgress, StatusBadge, StatusDetail } from "./provider-status";
import { useFollowRun } from "./use-follow-run";

/** One provider: its status, last sync, auto-sync, sync now, connect / reconnect / disconnect. */
export function ProviderCard({ card, timeZone }: { card: ProviderCardData; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const switchId = useId();
  const status = cardStatus(card);
  const [startedRunId, setStartedRunId] = useState<string | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const followedRunId = startedRunId ?? (card.activeRun?.kind === "manual" ? card.activeRun.id : null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.devices.providers.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.devices.history.pathKey() }),
    ]);

  const onRunFinished = (run: SyncRunView) => {
    setStartedRunId(null);
    void refresh();
    if (run.status === "succeeded") {
      toast({ title: `${card.displayName} synced`, description: `${run.records} ${run.records === 1 ? "record" : "records"} received.`, variant: "success" });
    } else {
      toast({ title: `${card.displayName} sync failed`, description: run.error ?? "The provider did not answer.", variant: "error" });
    }
  };
  const followed = useFollowRun(followedRunId, onRunFinished);

  const connectDemo = useMutation(
    trpc.devices.connectDemo.mutationOptions({
      onSuccess: () => {
        toast({ title: `${card.displayName} connected`, description: "Importing the last 30 days…", variant: "success" });
        void refresh();
      },
    }),
  );
  const syncNow = useMutation(
    trpc.devices.syncNow.mutationOptions({
      onSuccess: ({ syncRunId }) => {
        setStartedRunId(syncRunId);
        // Today's manual syncs on the plan page count this one.
        void queryClient.invalidateQueries({ queryKey: trpc.plans.current.queryKey() });
      },
    }),
  );
  const syncing = syncNow.isPending || (Boolean(followedRunId) && followed?.status !== "succeeded" && followed?.status !== "failed");
  const autoSync = useMutation(
    trpc.devices.setAutoSync.mutationOptions({
      onSuccess: (connection) => {
        toast({ title: connection.autoSync ? "Auto-sync on" : "Auto-sync off", variant: "success" });
        void refresh();
      },
    }),
  );
  const disconnect = useMutation(
    trpc.devices.disconnect.mutationOptions({
      onSuccess: (result, input) => {
        setDialogOpen(false);
        toast({
          title: `${card.displayName} disconnected`,
          description: input.deleteData ? "Its data was deleted." : "Your data was kept.",
          variant: "success",
        });
        void refresh();
      },
    }),
  );

  const connection = card.connection;
  const live = status === "connected" || status === "attention";
  const mutationError = connectDemo.error ?? syncNow.error ?? autoSync.error;
  const connectHref = `/api/devices/${card.id}/connect`;

  return (
    <Card className="flex flex-col" data-testid={`provider-${card.id}`}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <h3 className="text-base font-semibold leading-none">{card.displayName}</h3>
        <StatusBadge status={status} />
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-3">
        <StatusDetail card={card} status={status} timeZone={timeZone} />
        <BackfillProgress card={card} />
        {syncing ? (
          <p className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400" role="status">
            <Spinner /> Syncing…
          </p>
        ) : null}
        {live && connection ? (
          <div className="flex items-center justify-between gap-4">
            <Label htmlFor={switchId} className="font-normal">
              Auto-sync
              <span className="block text-xs text-zinc-500">New data arrives on its own.</span>
            </Label>
            <Switch
              id={switchId}
              checked={autoSync.isPending && autoSync.variables ? autoSync.variables.autoSync : connection.autoSync}
              disabled={autoSync.isPending}
              onCheckedChange={(checked) => autoSync.mutate({ provider: card.id, autoSync: checked })}
            />
          </div>
        ) : null}
        {planErrorOf(mutationError) ? <UpgradeNotice error={mutationError} /> : mutationError ? <Alert variant="error">{mutationError.message}</Alert> : null}
      </CardContent>
      <CardFooter className="flex flex-wrap gap-2">
        {live ? (
          <Button size="sm" onClick={() => syncNow.mutate({ provider: card.id })} disabled={syncing}>
            {syncing ? <Spinner /> : <RefreshCw className="size-4" aria-hidden />}
            Sync now
          </Button>
        ) : null}
        {card.configured && status !== "connected" ? (
          card.connectMethod === "demo" ? (
            <Button size="sm" variant={live ? "outline" : "default"} onClick={() => connectDemo.mutate()} pending={connectDemo.isPending}>
              {connection ? "Reconnect" : "Connect"}
            </Button>
          ) : (
            <Button size="sm" variant={live ? "outline" : "default"} asChild>
              <a href={connectHref}>{connection ? "Reconnect" : "Connect"}</a>
            </Button>
          )
        ) : null}
        {live ? (
          <DisconnectDialog
            providerName={card.displayName}
            open={dialogOpen}
            onOpenChange={(open) => {
              setDialogOpen(open);
              if (!open) disconnect.reset();
            }}
            pending={disconnect.isPending}
            error={disconnect.error?.message ?? null}
            onConfirm={(deleteData) => disconnect.mutate({ provider: card.id, deleteData })}
          />
        ) : null}
      </CardFooter>
    </Card>
  );
}
