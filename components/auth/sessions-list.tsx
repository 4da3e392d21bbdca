"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Monitor, Smartphone } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { RelativeTime } from "@/components/ui/relative-time";

const MOBILE = /iOS|Android/;

/** The account's active sessions, each revocable; the current one is marked. */
export function SessionsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.auth.listSessions.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.auth.listSessions.queryKey() });
  const revoke = useMutation(trpc.auth.revokeSession.mutationOptions({ onSettled: refresh }));
  const revokeOthers = useMutation(trpc.auth.signOutOtherSessions.mutationOptions({ onSettled: refresh }));

  const others = sessions.data?.filter((s) => !s.current).length ?? 0;
  return (
    <Card>
      <CardHeader>
        <CardTitle id="sessions-title">Sessions</CardTitle>
        <CardDescription>Browsers and devices signed in to your account. Revoking one signs it out on its next request.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {sessions.isPending ? (
          <div className="flex flex-col gap-2" aria-busy="true">
            <Skeleton className="h-16" />
            <Skeleton className="h-16" />
          </div>
        ) : sessions.isError ? (
          <Alert variant="error">{sessions.error.message}</Alert>
        ) : (
          <ul aria-labelledby="sessions-title" className="flex flex-col divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {sessions.data.map((session) => {
              const Icon = MOBILE.test(session.device) ? Smartphone : Monitor;
              const revoking = revoke.isPending && revoke.variables?.id === session.id;
              return (
                <li key={session.id} aria-label={`${session.device}${session.current ? " (this device)" : ""}`} className="flex flex-wrap items-center gap-3 p-3">
                  <Icon className="size-5 shrink-0 text-zinc-500" aria-hidden />
                  <div className="flex min-w-0 flex-1 flex-col">
                    <span className="flex flex-wrap items-center gap-2 text-sm font-medium">
                      {session.device}
                      {session.current ? <Badge variant="success">This device</Badge> : null}
                    </span>
                    <span className="text-xs text-zinc-600 dark:text-zinc-400">
                      {session.factor ? `${session.factor} · ` : ""}
                      {session.ip ?? "Unknown IP"} · last active{" "}
                      <RelativeTime date={session.lastSeenAt} /> · signed in <RelativeTime date={session.createdAt} />
                    </span>
                  </div>
                  {session.current ? null : (
                    <Button
                      size="sm"
                      variant="outline"
                      onClick={() => revoke.mutate({ id: session.id })}
                      pending={revoking}
                      aria-label={`Revoke session: ${session.device}, ${session.ip ?? "unknown IP"}`}
                    >
                      Revoke
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {revoke.isError ? <Alert variant="error">{revoke.error.message}</Alert> : null}
        {revokeOthers.isError ? <Alert variant="error">{revokeOthers.error.message}</Alert> : null}
        {revokeOthers.isSuccess ? (
          <Alert variant="success">
            Signed out {revokeOthers.data.signedOutSessions} other session{revokeOthers.data.signedOutSessions === 1 ? "" : "s"}.
          </Alert>
        ) : null}
      </CardContent>
      <CardFooter>
        <Button variant="destructive" onClick={() => revokeOthers.mutate()} pending={revokeOthers.isPending} disabled={others === 0}>
          Sign out all other sessions
        </Button>
      </CardFooter>
    </Card>
  );
}
