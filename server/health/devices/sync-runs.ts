import { and, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { syncRuns } from "@/db/schema";
import { decodeCursor, toPage, type Paginated } from "../../pagination";

export type SyncRun = typeof syncRuns.$inferSelect;

export async function startSyncRun(
  db: Database,
  input: { userId: string; provider: string; connectionId?: string | null; kind: SyncRun["kind"] },
): Promise<string> {
  const [row] = await db.insert(syncRuns).values({ ...input, connectionId: input.connectionId ?? null }).returning({ id: syncRuns.id });
  return row!.id;
}

export async function finishSyncRun(db: Database, id: string, result: { records: number; error?: string | null }): Promise<void> {
  await db
    .update(syncRuns)
    .set({ status: result.error ? "failed" : "succeeded", records: result.records, error: result.error ?? null, finishedAt: new Date() })
    .where(eq(syncRuns.id, id));
}

/** Webhook deliveries arriving close together are one history entry, not one row each. */
export const WEBHOOK_RUN_WINDOW_MS = 10 * 60_000;

/**
 * Records a processed webhook delivery in the history: added to the connection's webhook entry of
 * the last ten minutes when there is a successful one, else a new entry. Failures get their own.
 */
export async function recordWebhookSync(
  db: Database,
  input: { userId: string; provider: string; connectionId: string; records: number; startedAt: Date; error?: string | null },
): Promise<void> {
  if (!input.error) {
    const [merged] = await db
      .update(syncRuns)
      .set({ records: sql`${syncRuns.records} + ${input.records}`, finishedAt: new Date() })
      .where(
        and(
          eq(syncRuns.connectionId, input.connectionId),
          eq(syncRuns.kind, "webhook"),
          eq(syncRuns.status, "succeeded"),
          gt(syncRuns.startedAt, new Date(input.startedAt.getTime() - WEBHOOK_RUN_WINDOW_MS)),
        ),
      )
      .returning({ id: syncRuns.id });
    if (merged) return;
  }
  await db.insert(syncRuns).values({
    userId: input.userId,
    provider: input.provider,
    connectionId: input.connectionId,
    kind: "webhook",
    status: input.error ? "failed" : "succeeded",
    records: input.records,
    error: input.error ?? null,
    startedAt: input.startedAt,
    finishedAt: new Date(),
  });
}

/** The user's sync history, newest first, optionally for one provider and one kind of run. */
export async function listSyncRuns(
  db: Database,
  userId: string,
  opts: { provider?: string; kind?: SyncRun["kind"]; cursor?: string | null; limit: number },
): Promise<Paginated<SyncRun>> {
  const cursor = decodeCursor(opts.cursor);
  const rows = await db
    .select()
    .from(syncRuns)
    .where(
      and(
        eq(syncRuns.userId, userId),
        opts.provider ? eq(syncRuns.provider, opts.provider) : undefined,
        opts.kind ? eq(syncRuns.kind, opts.kind) : undefined,
        cursor ? or(lt(syncRuns.startedAt, cursor.at), and(eq(syncRuns.startedAt, cursor.at), lt(syncRuns.id, cursor.id))) : undefined,
      ),
    )
    .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
    .limit(opts.limit + 1);
  return toPage(rows, opts.limit, (r) => r.startedAt);
}
