"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { SHARE_HISTORY_DAYS, type ShareHistoryDays } from "@/db/schema/teams";
import type { ShareTargetView } from "@/server/account/teams/schemas";

const DEFAULT_DAYS: ShareHistoryDays = 30;

/** The member's consent: share their energy scores with a coach (or every coach), for how far back; off by default. */
export function ShareScoresCard({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const shares = useQuery(trpc.teams.shares.mine.queryOptions({ organizationId }));
  return (
    <Card role="region" aria-labelledby="share-scores">
      <CardHeader>
        <CardTitle id="share-scores">Share my scores</CardTitle>
        <CardDescription>
          A coach you share with sees your daily energy score and its band, for the days you choose. Never your journal, your device data or your email address. Switch it off to
          stop at once.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {shares.isPending ? <Skeleton className="h-20" /> : null}
        {shares.isError ? <Alert variant="error">Your sharing settings could not be loaded: {shares.error.message}</Alert> : null}
        {shares.data ? (
          <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
            {shares.data.targets.map((target) => (
              <ShareRow key={target.coachUserId ?? "everyone"} organizationId={organizationId} target={target} />
            ))}
          </ul>
        ) : null}
      </CardContent>
    </Card>
  );
}

function ShareRow({ organizationId, target }: { organizationId: string; target: ShareTargetView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const id = useId();
  const onSuccess = (data: { targets: ShareTargetView[] }) => queryClient.setQueryData(trpc.teams.shares.mine.queryKey({ organizationId }), data);
  const onError = (error: { message: string }) => toast({ title: "Your sharing did not change", description: error.message, variant: "error" });
  const set = useMutation(trpc.teams.shares.set.mutationOptions({ onSuccess, onError }));
  const stop = useMutation(trpc.teams.shares.stop.mutationOptions({ onSuccess, onError }));
  const days = target.historyDays ?? DEFAULT_DAYS;
  const share = (historyDays: ShareHistoryDays) => set.mutate({ organizationId, coachUserId: target.coachUserId, historyDays });
  return (
    <li className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex items-center gap-3">
        <Switch
          id={id}
          checked={target.sharing}
          disabled={set.isPending || stop.isPending}
          onCheckedChange={(checked) => (checked ? share(days) : stop.mutate({ organizationId, coachUserId: target.coachUserId }))}
        />
        <Label htmlFor={id}>Share my scores with {target.name}</Label>
      </div>
      <div className="flex items-center gap-2">
        <Label htmlFor={`${id}-days`} className="text-sm text-zinc-500">
          History
        </Label>
        <Select value={String(days)} onValueChange={(value) => share(Number(value) as ShareHistoryDays)} disabled={!target.sharing || set.isPending}>
          <SelectTrigger id={`${id}-days`} className="w-36" aria-label={`History shared with ${target.name}`}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {SHARE_HISTORY_DAYS.map((option) => (
              <SelectItem key={option} value={String(option)}>
                Last {option} days
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
    </li>
  );
}
