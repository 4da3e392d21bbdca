"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import type { OrganizationSummaryView } from "@/server/account/teams/schemas";
import { CoachOverview } from "./coach-overview";
import { InvitesCard } from "./invites-card";
import { MembersCard } from "./members-card";
import { ROLE_LABELS, seesSharedScores } from "./roles";
import { ShareScoresCard } from "./share-scores-card";

/** The team dashboard of one organization: who is in it, shared scores for coaches, sharing for members, invitations for the owner. */
export function TeamDashboard({ organizations, organizationId }: { organizations: OrganizationSummaryView[]; organizationId: string }) {
  const trpc = useTRPC();
  const org = useQuery(trpc.teams.get.queryOptions({ organizationId }));
  return (
    <div className="flex flex-col gap-6">
      {organizations.length > 1 ? <OrganizationSwitcher organizations={organizations} current={organizationId} /> : null}
      {org.isPending ? <Skeleton className="h-24" /> : null}
      {org.isError ? <Alert variant="error">This organization could not be loaded: {org.error.message}</Alert> : null}
      {org.data ? (
        <>
          <Card>
            <CardHeader className="flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
              <div className="flex flex-col gap-1">
                <CardTitle>{org.data.name}</CardTitle>
                <CardDescription>
                  {org.data.memberCount} {org.data.memberCount === 1 ? "person" : "people"}
                </CardDescription>
              </div>
              <Badge>You are {ROLE_LABELS[org.data.role].toLowerCase()}</Badge>
            </CardHeader>
          </Card>
          {seesSharedScores(org.data.role) ? <CoachOverview organizationId={organizationId} /> : null}
          <ShareScoresCard organizationId={organizationId} />
          <MembersCard organizationId={organizationId} role={org.data.role} />
          {org.data.role === "owner" ? <InvitesCard organizationId={organizationId} /> : null}
        </>
      ) : null}
    </div>
  );
}

function OrganizationSwitcher({ organizations, current }: { organizations: OrganizationSummaryView[]; current: string }) {
  return (
    <nav aria-label="Your organizations">
      <ul className="flex flex-wrap gap-2">
        {organizations.map((org) => (
          <li key={org.id}>
            <Link
              href={`/team?org=${org.id}`}
              aria-current={org.id === current ? "page" : undefined}
              className={cn(
                "inline-flex rounded-full border px-3 py-1 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
                org.id === current ? "border-brand-600 bg-brand-50 text-brand-800 dark:bg-brand-700/30 dark:text-brand-100" : "border-zinc-300 dark:border-zinc-700",
              )}
            >
              {org.name} · {ROLE_LABELS[org.role]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
