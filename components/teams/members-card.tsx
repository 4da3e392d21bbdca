"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LoadMore } from "@/components/ui/load-more";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { OrgRole } from "@/db/schema/teams";
import type { MemberView } from "@/server/account/teams/schemas";
import { ROLE_LABELS } from "./roles";

const PAGE = 20;

/** The organization's people with their roles; the owner changes roles and removes people, others can leave. */
export function MembersCard({ organizationId, role }: { organizationId: string; role: OrgRole }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(trpc.teams.members.list.infiniteQueryOptions({ organizationId, limit: PAGE }, { getNextPageParam: (page) => page.nextCursor }));
  const members = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card role="region" aria-labelledby="team-members">
      <CardHeader>
        <CardTitle id="team-members">Members</CardTitle>
        <CardDescription>Everyone in the organization, by name. Addresses are never shown to the others.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {list.isPending ? <Skeleton className="h-24" /> : null}
        {list.isError ? <Alert variant="error">The members could not be loaded: {list.error.message}</Alert> : null}
        <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="team-members">
          {members.map((member) => (
            <MemberRow key={member.id} organizationId={organizationId} member={member} ownerView={role === "owner"} />
          ))}
        </ul>
        <LoadMore list={list} />
        {role !== "owner" ? <LeaveButton organizationId={organizationId} /> : null}
      </CardContent>
    </Card>
  );
}

function MemberRow({ organizationId, member, ownerView }: { organizationId: string; member: MemberView; ownerView: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
  const onError = (error: { message: string }) => toast({ title: "That did not work", description: error.message, variant: "error" });
  const setRole = useMutation(trpc.teams.members.setRole.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(
    trpc.teams.members.remove.mutationOptions({
      onSuccess: async () => {
        toast({ title: `${member.name} was removed`, variant: "success" });
        await refresh();
      },
      onError,
    }),
  );
  const editable = ownerView && member.role !== "owner";
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex items-center gap-2">
        <span className="font-medium">{member.name}</span>
        {member.isYou ? <Badge variant="outline">You</Badge> : null}
        {editable ? null : <Badge variant={member.role === "member" ? "neutral" : "default"}>{ROLE_LABELS[member.role]}</Badge>}
      </div>
      {editable ? (
        <div className="flex items-center gap-2">
          <Select value={member.role} onValueChange={(value) => setRole.mutate({ organizationId, userId: member.userId, role: value as "coach" | "member" })} disabled={setRole.isPending}>
            <SelectTrigger className="w-32" aria-label={`Role of ${member.name}`}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="coach">Coach</SelectItem>
              <SelectItem value="member">Member</SelectItem>
            </SelectContent>
          </Select>
          <Button
            variant="outline"
            size="sm"
            pending={remove.isPending}
            onClick={() => {
              if (window.confirm(`Remove ${member.name} from the organization? Their shares end at once.`)) remove.mutate({ organizationId, userId: member.userId });
            }}
          >
            Remove<span className="sr-only"> {member.name}</span>
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function LeaveButton({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const leave = useMutation(
    trpc.teams.leave.mutationOptions({
      onSuccess: () => {
        toast({ title: "You left the organization", variant: "success" });
        router.push("/team");
        router.refresh();
      },
      onError: (error) => toast({ title: "You could not leave", description: error.message, variant: "error" }),
    }),
  );
  return (
    <div>
      <Button
        variant="outline"
        size="sm"
        pending={leave.isPending}
        onClick={() => {
          if (window.confirm("Leave this organization? Your scores stop being shared with its coaches.")) leave.mutate({ organizationId });
        }}
      >
        Leave organization
      </Button>
    </div>
  );
}
