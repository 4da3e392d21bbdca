import { z } from "zod";
import { PROVIDER_IDS } from "../types";

/** Output schemas of the `devices` router, shared by the procedures and their tests. */

export const providerIdSchema = z.enum(PROVIDER_IDS);

export const connectionViewSchema = z.object({
  id: z.string(),
  provider: z.string(),
  status: z.enum(["pending", "active", "error", "disconnected", "revoked"]),
  externalUserId: z.string().nullable(),
  scopes: z.array(z.string()),
  autoSync: z.boolean(),
  lastSyncAt: z.date().nullable(),
  lastError: z.string().nullable(),
  connectedAt: z.date(),
  backfill: z.object({ from: z.string(), until: z.string(), next: z.string().nullable(), done: z.boolean() }).nullable(),
});

export const SYNC_RUN_KINDS = ["webhook", "manual", "backfill", "scheduled", "import"] as const;

export const syncRunViewSchema = z.object({
  id: z.string(),
  provider: z.string(),
  kind: z.enum(SYNC_RUN_KINDS),
  status: z.enum(["running", "succeeded", "failed"]),
  records: z.number().int(),
  error: z.string().nullable(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  durationMs: z.number().int().nullable(),
});
export type SyncRunView = z.infer<typeof syncRunViewSchema>;

export const providerCardSchema = z.object({
  id: providerIdSchema,
  displayName: z.string(),
  /** `oauth`: the provider's consent page; `widget`: Terra's hosted connect widget; `demo`: one click, simulated data. */
  connectMethod: z.enum(["oauth", "widget", "demo"]),
  /** False when the deployment lacks the provider's client credentials (see `requiredEnv`). */
  configured: z.boolean(),
  requiredEnv: z.array(z.string()),
  connection: connectionViewSchema.nullable(),
  /** The newest manual or backfill run still running, so the page can show its progress. */
  activeRun: syncRunViewSchema.nullable(),
});
export type ProviderCard = z.infer<typeof providerCardSchema>;

export function toSyncRunView(run: {
  id: string;
  provider: string;
  kind: SyncRunView["kind"];
  status: SyncRunView["status"];
  records: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}): SyncRunView {
  return {
    id: run.id,
    provider: run.provider,
    kind: run.kind,
    status: run.status,
    records: run.records,
    error: run.error,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.finishedAt ? Math.max(0, run.finishedAt.getTime() - run.startedAt.getTime()) : null,
  };
}

export const recomputeViewSchema = z.object({
  status: z.enum(["queued", "running", "succeeded", "failed"]),
  /** Null until the job has counted the days. */
  totalDays: z.number().int().nullable(),
  doneDays: z.number().int(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type RecomputeView = z.infer<typeof recomputeViewSchema>;

export function toRecomputeView(row: { status: string; totalDays: number | null; doneDays: number; startedAt: Date; finishedAt: Date | null }): RecomputeView {
  return recomputeViewSchema.parse(row);
}
