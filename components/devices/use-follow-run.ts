"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { SyncRunView } from "@/server/health/devices/views";

const POLL_MS = 1500;

/**
 * Polls one sync run while it is running and calls `onFinished` once when it succeeds or fails.
 * Pass null to follow nothing.
 */
export function useFollowRun(runId: string | null, onFinished: (run: SyncRunView) => void): SyncRunView | undefined {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.devices.run.queryOptions({ id: runId ?? "" }),
    enabled: Boolean(runId),
    refetchInterval: (q) => (q.state.data?.status === "running" || !q.state.data ? POLL_MS : false),
  });
  const reported = useRef<string | null>(null);
  const callback = useRef(onFinished);
  useEffect(() => {
    callback.current = onFinished;
  });
  const run = query.data;
  useEffect(() => {
    if (!run || run.id !== runId || run.status === "running" || reported.current === run.id) return;
    reported.current = run.id;
    callback.current(run);
  }, [run, runId]);
  return runId && run?.id === runId ? run : undefined;
}
