import type { ExportKind } from "@/db/schema/exports";

/** How the "Your data" page names each kind (kept free of the database schema: the page imports it). */
export const EXPORT_KIND_LABELS = {
  csv: { label: "Metrics as CSV", detail: "Chosen metrics over a range of days, one row per reading." },
  archive: { label: "Everything (zip)", detail: "All your data as JSON and CSV in one zip archive." },
  "sync-snapshot": { label: "Synced state (zip)", detail: "What your devices keep in step (journal, settings, action-plan marks) as an archive a new account can import." },
  fhir: { label: "FHIR R4", detail: "Your observations as a FHIR R4 Bundle (JSON) for health records systems." },
} as const satisfies Record<ExportKind, { label: string; detail: string }>;
