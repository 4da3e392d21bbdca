/** Display helpers of the file imports section (pure, shared by its pieces). */
import type { ImportView } from "@/server/health/imports/router";

export type ImportStatus = ImportView["status"];

/** Past imports per "Load more". */
export const IMPORT_PAGE_SIZE = 10;

/** How often a queued or running import is polled. */
export const IMPORT_POLL_MS = 1000;

/** The files the importer reads (the server decides from the content; this only guides the file chooser). */
export const ACCEPTED_EXTENSIONS = [".zip", ".xml", ".csv"] as const;

export function hasAcceptedExtension(filename: string): boolean {
  const name = filename.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((extension) => name.endsWith(extension));
}

export type ActiveImportStatus = Extract<ImportStatus, "uploading" | "queued" | "checking" | "running">;

export function isImportActive(status: ImportStatus): status is ActiveImportStatus {
  return status === "uploading" || status === "queued" || status === "checking" || status === "running";
}

export const IMPORT_KIND_LABEL: Record<string, string> = {
  apple_zip: "Apple Health (zip)",
  apple_xml: "Apple Health (XML)",
  fitbit_daily_csv: "Fitbit daily activity",
  whoop_cycles_csv: "WHOOP cycles",
  whoop_journal_csv: "WHOOP journal",
  biosync_archive: "BioSync archive",
  biosync_csv: "BioSync CSV",
};

export const IMPORT_STATUS_BADGE = {
  uploading: { variant: "neutral", label: "Uploading" },
  queued: { variant: "neutral", label: "Queued" },
  checking: { variant: "default", label: "Checking" },
  running: { variant: "default", label: "Importing" },
  succeeded: { variant: "success", label: "Imported" },
  failed: { variant: "danger", label: "Failed" },
} as const satisfies Record<ImportStatus, { variant: "neutral" | "default" | "success" | "danger"; label: string }>;

const BYTE_UNITS = ["KB", "MB", "GB"] as const;

/** "512 bytes", "3.4 KB", "1.2 GB" (binary multiples, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  let value = bytes;
  let unit: (typeof BYTE_UNITS)[number] = "KB";
  for (const next of BYTE_UNITS) {
    value /= 1024;
    unit = next;
    if (value < 1024) break;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}

/** 0–100, rounded down so 100 only shows when everything is done. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}
