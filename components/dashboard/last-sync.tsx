import { RefreshCw } from "lucide-react";
import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";

/** When the user's devices last synced, with the way to Devices. */
export function LastSync({ lastSyncAt, connections, timeZone }: { lastSyncAt: Date | null; connections: number; timeZone: string }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="last-sync">
      <RefreshCw className="size-4" aria-hidden />
      {lastSyncAt ? (
        <span>
          Last sync <RelativeTime date={lastSyncAt} timeZone={timeZone} />
        </span>
      ) : (
        <span>{connections > 0 ? "Waiting for the first sync" : "No device connected"}</span>
      )}
      <Link href="/devices" className="rounded-sm font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:text-brand-500">
        Devices
      </Link>
    </p>
  );
}
