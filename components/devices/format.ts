/** Display helpers of the devices page (pure, so they render the same on the server and in tests). */

/** Rows per page of the sync history (the page prefetches the first one). */
export const HISTORY_PAGE_SIZE = 10;

export type CardStatus = "connected" | "attention" | "disconnected" | "not_connected" | "not_configured";

interface CardLike {
  configured: boolean;
  connection: { status: "pending" | "active" | "error" | "disconnected" | "revoked" } | null;
}

export function cardStatus(card: CardLike): CardStatus {
  const status = card.connection?.status;
  if (status === "active") return "connected";
  if (status === "error") return "attention";
  if (status === "disconnected" || status === "revoked") return card.configured ? "disconnected" : "not_configured";
  return card.configured ? "not_connected" : "not_configured";
}

/** What needs the user first: connections needing attention, live ones, then the rest. */
const STATUS_ORDER: CardStatus[] = ["attention", "connected", "disconnected", "not_connected", "not_configured"];

/** The cards in status order; within a status, the registry's order. */
export function sortCards<T extends CardLike>(cards: readonly T[]): T[] {
  return cards
    .map((card, index) => ({ card, index, rank: STATUS_ORDER.indexOf(cardStatus(card)) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ card }) => card);
}

export const STATUS_LABEL: Record<CardStatus, string> = {
  connected: "Connected",
  attention: "Needs attention",
  disconnected: "Disconnected",
  not_connected: "Not connected",
  not_configured: "Not configured here",
};

// Shared with every page that shows a time: they live with the RelativeTime primitive.
export { formatDateTime, formatRelative } from "@/components/ui/time-format";

/** "850 ms", "12 s", "3 min 4 s", "1 h 2 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/**
 * How far a running backfill has got, 0–1, from its resumable position: it walks forward from
 * `from` towards the present, `next` is where the next chunk starts (`until` where the last
 * finished one ended). Null when it is done or the position is unreadable.
 */
export function backfillProgress(
  backfill: { from: string; until: string; next: string | null; done: boolean } | null,
  now: Date = new Date(),
): number | null {
  if (!backfill || backfill.done) return null;
  const from = Date.parse(backfill.from);
  const until = Date.parse(backfill.until);
  const reached = backfill.next ? Date.parse(backfill.next) : until;
  if ([from, until, reached].some(Number.isNaN)) return null;
  const total = Math.max(until, now.getTime()) - from;
  if (total <= 0) return null;
  return Math.min(1, Math.max(0, (reached - from) / total));
}

/** True while any provider has a sync or backfill under way (the page then refreshes itself). */
export function providersBusy(
  cards: readonly { activeRun: unknown; connection: { status: string; backfill: Parameters<typeof backfillProgress>[0] } | null }[] | undefined,
): boolean {
  return Boolean(cards?.some((card) => card.activeRun || (card.connection?.status === "active" && backfillProgress(card.connection.backfill) !== null)));
}

export const RUN_KIND_LABEL: Record<"webhook" | "manual" | "backfill" | "scheduled" | "import", string> = {
  webhook: "Webhook",
  manual: "Sync now",
  backfill: "Backfill",
  scheduled: "Scheduled",
  import: "Import",
};
