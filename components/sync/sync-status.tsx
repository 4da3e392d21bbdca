"use client";

import { CloudOff, RefreshCw, TriangleAlert, Check } from "lucide-react";
import Link from "next/link";
import { useSyncStatus } from "./hooks";

/** The shell's sync indicator: synced, syncing, offline with what waits, or an error; opens /settings/sync. */
export function SyncStatusIndicator() {
  const status = useSyncStatus();
  const waiting = status.pending === 1 ? "1 waiting" : `${status.pending} waiting`;
  const view = {
    synced: { icon: Check, text: status.pending ? waiting : "Synced", tone: "text-emerald-700 dark:text-emerald-400" },
    syncing: { icon: RefreshCw, text: "Syncing…", tone: "text-zinc-600 dark:text-zinc-300" },
    offline: { icon: CloudOff, text: status.pending ? `Offline · ${waiting}` : "Offline", tone: "text-amber-700 dark:text-amber-400" },
    error: { icon: TriangleAlert, text: "Sync error", tone: "text-red-700 dark:text-red-400" },
  }[status.state];
  const Icon = view.icon;
  return (
    <Link
      href="/settings/sync"
      title={status.error ?? undefined}
      className={`inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800 ${view.tone}`}
    >
      <Icon aria-hidden className={`size-4 ${status.state === "syncing" ? "animate-spin" : ""}`} />
      <span role="status" aria-live="polite" data-testid="sync-status" className="sr-only sm:not-sr-only">
        {view.text}
      </span>
    </Link>
  );
}
