"use client";

import { useEffect, useMemo } from "react";
import { useTRPCClient } from "@/components/providers/trpc";
import { SyncContext } from "./context";
import { SyncEngine, type SyncTransport } from "./engine";
import { deviceId, deviceLabel } from "./ids";
import { registerEngine } from "./local-copies";
import { openSyncStore } from "./store";

/** Runs the sync engine of the signed-in user for everything below it (signed-in pages only: admin pages do not sync). */
export function SyncProvider({ userId, children }: { userId: string; children: React.ReactNode }) {
  const client = useTRPCClient();
  const engine = useMemo(() => {
    if (typeof window === "undefined") return null;
    const transport: SyncTransport = { push: (input) => client.sync.push.mutate(input), pull: (input) => client.sync.pull.mutate(input) };
    return new SyncEngine({ db: openSyncStore(userId), transport, clientGroupId: deviceId(userId), deviceLabel: deviceLabel(navigator.userAgent) });
  }, [client, userId]);
  useEffect(() => {
    if (!engine) return;
    const unregister = registerEngine(userId, engine);
    engine.start();
    return () => {
      engine.stop();
      unregister();
    };
  }, [engine, userId]);
  return <SyncContext value={engine}>{children}</SyncContext>;
}
