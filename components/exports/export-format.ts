import { EXPORT_KIND_LABELS } from "@/server/health/exports/kind-labels";
import type { ExportView } from "@/server/health/exports/schemas";
import { trendMetricInfo } from "@/server/health/analytics/trends/catalog";
import type { Metric } from "@/server/health/types";

export type ExportStatus = ExportView["status"];

/** While an export is queued or running the list asks again this often. */
export const EXPORT_POLL_MS = 1000;
export const EXPORT_PAGE_SIZE = 10;

export function isExportActive(status: ExportStatus): boolean {
  return status === "queued" || status === "running";
}

export const EXPORT_STATUS_BADGE = {
  queued: { variant: "neutral", label: "Queued" },
  running: { variant: "default", label: "Writing" },
  succeeded: { variant: "success", label: "Ready" },
  failed: { variant: "danger", label: "Failed" },
  expired: { variant: "outline", label: "Expired" },
} as const satisfies Record<ExportStatus, { variant: "neutral" | "default" | "success" | "danger" | "outline"; label: string }>;

export function exportKindLabel(kind: ExportView["kind"]): string {
  return EXPORT_KIND_LABELS[kind]?.label ?? kind;
}

/** "Heart rate, Steps · 2026-06-01 to 2026-06-30" for a CSV export; empty for kinds without options shown. */
export function describeExportParams(item: Pick<ExportView, "kind" | "params">): string {
  if (item.kind !== "csv") return "";
  const { metrics, from, to } = item.params as { metrics?: Metric[]; from?: string; to?: string };
  const names = (metrics ?? []).map((m) => trendMetricInfo(m).label);
  const shown = names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", ");
  return `${shown} · ${from ?? "?"} to ${to ?? "?"}`;
}

/** Today's date (YYYY-MM-DD) in an IANA zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
