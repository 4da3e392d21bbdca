import { emptyBatch, type NormalizedBatch } from "../../types";
import type { ImportRun } from "./types";

/** Drains a run into one batch with the batch count and the largest batch size (tests and small files). */
export async function collectRun(run: ImportRun): Promise<NormalizedBatch & { batchCount: number; largestBatch: number; accountIds: (string | null)[] }> {
  const all = { ...emptyBatch(), batchCount: 0, largestBatch: 0, accountIds: [] as (string | null)[] };
  for await (const batch of run.batches) {
    all.batchCount += 1;
    all.largestBatch = Math.max(all.largestBatch, batch.samples.length + batch.sleepSessions.length + batch.workouts.length + batch.dailyTotals.length);
    all.accountIds.push(batch.accountId);
    all.samples.push(...batch.samples);
    all.sleepSessions.push(...batch.sleepSessions);
    all.workouts.push(...batch.workouts);
    all.dailyTotals.push(...batch.dailyTotals);
  }
  return all;
}
