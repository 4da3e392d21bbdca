"use client";

import { useEffect, useState } from "react";
import { useTRPCClient } from "@/components/providers/trpc";
import { SyncContext } from "./context";
import type { SyncTransport } from "./engine";
import { registerEngine } from "./local-copies";
import type { SyncRuntime } from "./runtime";

/**
 * Runs the sync engine of the signed-in user for everything below it (signed-in pages only: admin
 * pages do not sync). Its code loads once the page has hydrated: until then synced views show
 * their loading state.
 */
export function SyncProvider({ userId, children }: { userId: string; children: React.ReactNode }) {
  const client = useTRPCClient();
  const [runtime, setRuntime] = useState<SyncRuntime | null>(null);
  useEffect(() => {
    let cancelled = false;
    let stop = () => {};
    void import("./runtime")
      .then(({ createSyncRuntime }) => {
        if (cancelled) return;
        const transport: SyncTransport = { push: (input) => client.sync.push.mutate(input), pull: (input) => client.sync.pull.mutate(input) };
        const next = createSyncRuntime(userId, transport);
        const unregister = registerEngine(userId, next.engine);
        next.engine.start();
        stop = () => {
          next.engine.stop();
          unregister();
        };
        setRuntime(next);
      })
      .catch(() => {
        // Its code could not be fetched (offline before the worker kept it): the synced views stay loading.
      });
    return () => {
      cancelled = true;
      stop();
      setRuntime(null);
    };
  }, [client, userId]);
  return <SyncContext value={runtime}>{children}</SyncContext>;
}
