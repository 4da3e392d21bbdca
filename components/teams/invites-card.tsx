"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { LoadMore } from "@/components/ui/load-more";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { AssignableRole } from "@/db/schema/teams";
import { fieldError } from "./errors";
import { ROLE_LABELS } from "./roles";

const PAGE = 20;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** The owner's invitations: invite an address as coach or member, and the pending ones with Revoke. */
export function InvitesCard({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<AssignableRole>("member");
  const list = useInfiniteQuery(trpc.teams.invites.list.infiniteQueryOptions({ organizationId, limit: PAGE }, { getNextPageParam: (page) => page.nextCursor }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.teams.invites.pathKey() });
  const invite = useMutation(
    trpc.teams.invites.create.mutationOptions({
      onSuccess: async (sent) => {
        toast({ title: "Invitation sent", description: `${sent.email} can join as ${ROLE_LABELS[sent.role].toLowerCase()} within 7 days.`, variant: "success" });
        setEmail("");
        await refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.teams.invites.revoke.mutationOptions({
      onSuccess: refresh,
      onError: (error) => toast({ title: "The invitation could not be withdrawn", description: error.message, variant: "error" }),
    }),
  );
  const pending = list.data?.pages.flatMap((page) => page.items) ?? [];
  const emailError = fieldError(invite.error, "email");
  return (
    <Card role="region" aria-labelledby="team-invites">
      <CardHeader>
        <CardTitle id="team-invites">Invitations</CardTitle>
        <CardDescription>Each link works once, for 7 days, and only for the address it was sent to.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <form
          className="flex flex-col gap-3 sm:flex-row sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            invite.mutate({ organizationId, email, role });
          }}
        >
          <div className="flex-1">
            <FormField label="Email address" type="email" name="email" value={email} onChange={(event) => setEmail(event.target.value)} required autoComplete="off" error={emailError} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="invite-role">Role</Label>
            <Select value={role} onValueChange={(value) => setRole(value as AssignableRole)}>
              <SelectTrigger id="invite-role" className="w-32">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="member">Member</SelectItem>
                <SelectItem value="coach">Coach</SelectItem>
              </SelectContent>
            </Select>
          </div>
          <Button type="submit" pending={invite.isPending}>
            Send invitation
          </Button>
        </form>
        {invite.error && !emailError ? <Alert variant="error">{invite.error.message}</Alert> : null}
        {list.isPending ? <Skeleton className="h-16" /> : null}
        {list.isError ? <Alert variant="error">The invitations could not be loaded: {list.error.message}</Alert> : null}
        {list.isSuccess && pending.length === 0 ? <p className="text-sm text-zinc-500">No invitations are waiting.</p> : null}
        <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="team-invites">
          {pending.map((item) => (
            <li key={item.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="text-sm font-medium break-all">{item.email}</p>
                <p className="text-xs text-zinc-500">
                  {ROLE_LABELS[item.role]} · expires {dateFormat.format(item.expiresAt)}
                </p>
              </div>
              <Button variant="outline" size="sm" pending={revoke.isPending && revoke.variables?.inviteId === item.id} onClick={() => revoke.mutate({ inviteId: item.id })}>
                Revoke<span className="sr-only"> the invitation of {item.email}</span>
              </Button>
            </li>
          ))}
        </ul>
        <LoadMore list={list} />
      </CardContent>
    </Card>
  );
}
