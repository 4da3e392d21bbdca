import { z } from "zod";
import { EXPORT_KINDS, EXPORT_STATUSES } from "@/db/schema/exports";
import { isoDate } from "../../inputs";
import { METRIC_UNITS, type Metric } from "../types";

/* The exports' inputs and views (safe to import from the client). */

const METRICS = Object.keys(METRIC_UNITS) as [Metric, ...Metric[]];
/** The longest range one CSV export covers. */
export const MAX_CSV_EXPORT_DAYS = 3_660;

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** CSV: the chosen metrics over local days `from`..`to` (both included). */
export const csvExportParams = z
  .object({
    metrics: z
      .array(z.enum(METRICS, "Choose metrics from the list."))
      .min(1, "Choose at least one metric.")
      .max(METRICS.length)
      .refine((metrics) => new Set(metrics).size === metrics.length, "Choose each metric once."),
    from: isoDate,
    to: isoDate,
  })
  .refine((p) => p.to >= p.from, { path: ["to"], message: "The last day must not come before the first." })
  .refine((p) => daysBetween(p.from, p.to) < MAX_CSV_EXPORT_DAYS, { path: ["to"], message: "Export at most ten years at a time." });
export type CsvExportParams = z.infer<typeof csvExportParams>;

export const exportView = z.object({
  id: z.string(),
  kind: z.enum(EXPORT_KINDS),
  status: z.enum(EXPORT_STATUSES),
  params: z.record(z.string(), z.unknown()),
  progressDone: z.number(),
  progressTotal: z.number().nullable(),
  filename: z.string().nullable(),
  bytes: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
});
export type ExportView = z.infer<typeof exportView>;
