"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/time-format";

export const ACTIVITY_PAGE_SIZE = 20;

/** The audit trail of the user's data: who did what, when, newest first. */
export function ActivityList({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const activity = useInfiniteQuery(trpc.privacy.activity.list.infiniteQueryOptions({ limit: ACTIVITY_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  if (activity.isPending) {
    return (
      <div role="status" aria-label="Loading the activity on your data" className="flex flex-col gap-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-10" />
        ))}
      </div>
    );
  }
  if (activity.isError) return <Alert variant="error">Could not load the activity: {activity.error.message}</Alert>;
  const items = activity.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return <EmptyState icon={<History />} title="Nothing recorded yet" description="Sensitive reads of your data and changes to your privacy are listed here." />;
  }
  return (
    <div className="flex flex-col gap-3">
      <Table aria-label="Activity on your data">
        <TableHeader>
          <TableRow>
            <TableHead>When</TableHead>
            <TableHead>Who</TableHead>
            <TableHead>What</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id}>
              <TableCell className="whitespace-nowrap">
                <time dateTime={item.at.toISOString()}>{formatDateTime(item.at, timeZone)}</time>
              </TableCell>
              <TableCell className="whitespace-nowrap capitalize">{item.who}</TableCell>
              <TableCell>{item.label}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <LoadMore list={activity} />
    </div>
  );
}
