import { Badge } from "@/components/ui/badge";
import type { ProviderCard } from "@/server/health/devices/views";
import { backfillProgress, STATUS_LABEL, type CardStatus } from "./format";
import { RelativeTime } from "@/components/ui/relative-time";

const BADGE_VARIANT = {
  connected: "success",
  attention: "warning",
  disconnected: "neutral",
  not_connected: "outline",
  not_configured: "neutral",
} as const satisfies Record<CardStatus, "success" | "warning" | "neutral" | "outline">;

export function StatusBadge({ status }: { status: CardStatus }) {
  return <Badge variant={BADGE_VARIANT[status]}>{STATUS_LABEL[status]}</Badge>;
}

/** The line under a provider's name: last sync, what went wrong, or how to enable it. */
export function StatusDetail({ card, status, timeZone }: { card: ProviderCard; status: CardStatus; timeZone: string }) {
  const connection = card.connection;
  switch (status) {
    case "connected":
      return (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {connection?.lastSyncAt ? (
            <>
              Last sync <RelativeTime date={connection.lastSyncAt} timeZone={timeZone} />
            </>
          ) : (
            "Connected. No data has arrived yet."
          )}
        </p>
      );
    case "attention":
      return (
        <p className="text-sm text-amber-800 dark:text-amber-200">
          {connection?.lastError ?? "The last sync failed."} Reconnect to resume syncing.
        </p>
      );
    case "disconnected":
      return (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {connection?.status === "revoked" ? `Access was withdrawn in your ${card.displayName} account.` : "Not syncing."} Connect again to resume.
        </p>
      );
    case "not_connected":
      return (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {card.connectMethod === "demo"
            ? "Simulated wearable with realistic sleep, heart and activity data. Try BioSync without a device."
            : `Sync sleep, heart and activity data from your ${card.displayName} account.`}
        </p>
      );
    case "not_configured":
      return (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This BioSync server has no {card.displayName} app credentials. An administrator can register an app in {card.displayName}&apos;s developer
          portal, set {card.requiredEnv.map((name, i) => (
            <span key={name}>
              {i > 0 ? " and " : null}
              <code className="rounded bg-zinc-100 px-1 py-0.5 text-xs dark:bg-zinc-800">{name}</code>
            </span>
          ))}{" "}
          and restart the server.
        </p>
      );
  }
}

/** A determinate bar while the first import of history runs. */
export function BackfillProgress({ card }: { card: ProviderCard }) {
  const fraction = backfillProgress(card.connection?.backfill ?? null);
  const running = card.activeRun?.kind === "backfill" || fraction !== null;
  if (!running || card.connection?.status !== "active") return null;
  const percent = fraction === null ? null : Math.round(fraction * 100);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-between text-xs text-zinc-600 dark:text-zinc-400">
        <span>Importing your history…</span>
        {percent !== null ? <span>{percent}%</span> : null}
      </div>
      <div
        role="progressbar"
        aria-label={`Importing ${card.displayName} history`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className={percent === null ? "h-full w-1/3 animate-pulse bg-brand-600" : "h-full bg-brand-600 transition-[width]"} style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
