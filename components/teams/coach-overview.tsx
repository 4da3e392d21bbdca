"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { formatDay } from "@/components/charts/format";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { MemberScores } from "./member-scores";
import { ScoreWithBand } from "./score-band";

const ScoreSparkline = dynamic(() => import("./score-sparkline").then((m) => m.ScoreSparkline), { ssr: false, loading: () => <Skeleton className="h-full w-full" /> });
const PAGE = 20;

/** For coaches and the owner: the members who share with them, latest score and last 7 days; one member's scores on demand. */
export function CoachOverview({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState<string | null>(null);
  const list = useInfiniteQuery(trpc.teams.coach.members.infiniteQueryOptions({ organizationId, limit: PAGE }, { getNextPageParam: (page) => page.nextCursor }));
  const members = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card role="region" aria-labelledby="shared-scores">
      <CardHeader>
        <CardTitle id="shared-scores">Shared scores</CardTitle>
        <CardDescription>The members who share their energy scores with you. You see the score and its band for each day they allow, nothing else.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {list.isPending ? <Skeleton className="h-32" /> : null}
        {list.isError ? <Alert variant="error">The shared scores could not be loaded: {list.error.message}</Alert> : null}
        {list.isSuccess && members.length === 0 ? (
          <EmptyState icon={<Users />} title="No one shares with you yet" description="Members choose on this page whether to share their scores with you. Until they do, you see nothing of them." />
        ) : null}
        {members.length > 0 ? (
          <div className="overflow-x-auto">
            <Table data-testid="shared-members">
              <TableHeader>
                <TableRow>
                  <TableHead>Member</TableHead>
                  <TableHead>Latest</TableHead>
                  <TableHead className="min-w-32">Last 7 days</TableHead>
                  <TableHead>
                    <span className="sr-only">Details</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {members.map((member) => (
                  <TableRow key={member.userId}>
                    <TableCell className="font-medium">{member.name}</TableCell>
                    <TableCell>
                      <ScoreWithBand day={member.latest} />
                      {member.latest ? <span className="block text-xs text-zinc-500">{formatDay(member.latest.date, { weekday: true })}</span> : null}
                    </TableCell>
                    <TableCell>
                      <div className="h-10 w-32" role="img" aria-label={`${member.name}, last 7 days: ${member.week.map((d) => d.score ?? "no score").join(", ")}`}>
                        <ScoreSparkline days={member.week} />
                      </div>
                    </TableCell>
                    <TableCell>
                      <Button variant="outline" size="sm" aria-expanded={open === member.userId} onClick={() => setOpen(open === member.userId ? null : member.userId)}>
                        {open === member.userId ? "Hide" : "View scores"}
                        <span className="sr-only"> of {member.name}</span>
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
        <LoadMore list={list} />
        {open ? <MemberScores organizationId={organizationId} memberUserId={open} /> : null}
      </CardContent>
    </Card>
  );
}
