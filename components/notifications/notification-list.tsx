"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { BellOff, CheckCheck } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";
import { NOTIFICATION_PAGE_SIZE } from "./page-size";

const KIND_LABEL = { "daily-summary": "Daily summary", "recovery-alert": "Recovery alert", "weekly-report": "Weekly report" } as const;

/** The notification list, newest first, with mark read, mark all read and "Load more". */
export function NotificationList({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const list = useInfiniteQuery(trpc.notifications.list.infiniteQueryOptions({ limit: NOTIFICATION_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
    // The bell's count is rendered by the layout on the server.
    router.refresh();
  };
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refresh }));

  if (list.isError && !list.data) {
    return (
      <Alert variant="error">
        Could not load your notifications: {list.error.message}{" "}
        <Button variant="link" className="h-auto p-0" onClick={() => void list.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!list.data) {
    return (
      <div role="status" aria-label="Loading your notifications" className="flex flex-col gap-3">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-20" />
        ))}
      </div>
    );
  }
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<BellOff />}
        title="No notifications yet"
        description="Your daily summary, recovery alerts and weekly reports show up here, also when their emails are off."
        action={
          <Link href="/settings/notifications" className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
            Notification settings
          </Link>
        }
      />
    );
  }
  const unread = items.filter((item) => item.readAt === null).length;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite" data-testid="unread-summary">
          {unread === 0 ? "All read" : `${unread} unread${list.hasNextPage ? " on this page" : ""}`}
        </p>
        <Button variant="outline" size="sm" onClick={() => markAll.mutate()} pending={markAll.isPending} disabled={unread === 0 && !list.hasNextPage}>
          <CheckCheck className="size-4" aria-hidden />
          Mark all read
        </Button>
      </div>
      {markRead.isError || markAll.isError ? <Alert variant="error">{(markRead.error ?? markAll.error)?.message}</Alert> : null}
      <ul className="flex flex-col divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" aria-label="Notifications">
        {items.map((item) => {
          const isUnread = item.readAt === null;
          return (
            <li key={item.id} className={cn("flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between", isUnread && "bg-brand-50/60 dark:bg-brand-900/10")} data-testid="notification" data-unread={isUnread}>
              <div className="flex min-w-0 flex-col gap-1">
                <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
                  <Badge variant={item.kind === "recovery-alert" ? "warning" : "neutral"}>{KIND_LABEL[item.kind]}</Badge>
                  <RelativeTime date={item.createdAt} timeZone={timeZone} />
                  {isUnread ? <span className="font-semibold text-brand-700 dark:text-brand-400">Unread</span> : null}
                </div>
                <Link
                  href={item.href}
                  onClick={() => (isUnread ? markRead.mutate({ id: item.id }) : undefined)}
                  className={cn("rounded-sm text-base underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500", isUnread ? "font-semibold" : "font-medium")}
                >
                  {item.title}
                </Link>
                <p className="text-sm text-zinc-700 dark:text-zinc-300">{item.body}</p>
              </div>
              {isUnread ? (
                <Button
                  variant="ghost"
                  size="sm"
                  className="self-start"
                  onClick={() => markRead.mutate({ id: item.id })}
                  pending={markRead.isPending && markRead.variables?.id === item.id}
                  aria-label={`Mark "${item.title}" read`}
                >
                  Mark read
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <LoadMore list={list} />
      {list.isFetchNextPageError ? <Alert variant="error">Could not load more notifications: {list.error?.message}</Alert> : null}
    </div>
  );
}
