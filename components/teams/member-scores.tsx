"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDay } from "@/components/charts/format";
import { LazyLineChart } from "@/components/charts/lazy";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ScoreWithBand } from "./score-band";

/** One member's shared scores over the history their share allows: a line, then each day newest first. */
export function MemberScores({ organizationId, memberUserId }: { organizationId: string; memberUserId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.teams.coach.member.queryOptions({ organizationId, memberUserId }));
  if (detail.isPending) return <Skeleton className="h-64" aria-label="Loading the member's scores" />;
  if (detail.isError) return <Alert variant="error">{detail.error.message}</Alert>;
  const { name, historyDays, scores } = detail.data;
  const scored = scores.filter((day) => day.score !== null);
  return (
    <section aria-labelledby="member-scores" className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid="member-scores">
      <h3 id="member-scores" className="font-semibold">
        {name}: the last {historyDays} days
      </h3>
      {scored.length === 0 ? (
        <p className="text-sm text-zinc-500">No scored days in the shared history yet.</p>
      ) : (
        <>
          <div className="h-48">
            <LazyLineChart data={scores.map((day) => ({ key: day.date, value: day.score }))} bucket="day" name="Energy score" unit="" decimals={0} />
          </div>
          <div className="max-h-72 overflow-y-auto">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Day</TableHead>
                  <TableHead>Score</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...scores].reverse().map((day) => (
                  <TableRow key={day.date}>
                    <TableCell>{formatDay(day.date, { weekday: true })}</TableCell>
                    <TableCell>
                      <ScoreWithBand day={day} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
