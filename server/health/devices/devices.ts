import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { providerPriorities, syncRuns } from "@/db/schema";
import { AppError } from "../../errors";
import { emit } from "../../platform/jobs/emit";
import { enforceRateLimits } from "../../platform/rate-limits/enforce";
import { requestLimits } from "../../platform/rate-limits/rules";
import { activateConnection, getConnection, listConnections, toView, type Connection } from "./connections";
import { toSyncRunView, type ProviderCard } from "./views";
import { isOAuthConfigured } from "../providers/config";
import { getProviderPriority } from "../timeseries/priority";
import { getProvider, providerIds } from "../providers/registry";
import { requestSummaryRecompute } from "../timeseries/recompute";
import { startSyncRun } from "./sync-runs";
import type { ProviderId } from "../types";

/** Days of history pulled when a provider is first connected. */
export const DEFAULT_BACKFILL_DAYS = 30;

/** A second "sync now" for the same provider within this window is refused (429). */
export const MANUAL_SYNC_COOLDOWN_MS = 30_000;

/** The name a provider id is shown under, or null for an id that is not a provider. */
export function providerDisplayName(id: string): string | null {
  return getProvider(id)?.displayName ?? null;
}

/** Runs older than this that still say "running" are taken as abandoned, not shown as progress. */
const ACTIVE_RUN_WINDOW_MS = 60 * 60_000;

/** Every provider a user can connect (Apple Health is a file import), with this user's connection. */
export async function listProviderCards(db: Database, userId: string, now = new Date()): Promise<ProviderCard[]> {
  const connections = new Map((await listConnections(db, userId)).map((c) => [c.provider, c]));
  const running = await db
    .select()
    .from(syncRuns)
    .where(
      and(
        eq(syncRuns.userId, userId),
        eq(syncRuns.status, "running"),
        inArray(syncRuns.kind, ["manual", "backfill"]),
        gt(syncRuns.startedAt, new Date(now.getTime() - ACTIVE_RUN_WINDOW_MS)),
      ),
    )
    .orderBy(desc(syncRuns.startedAt));
  return providerIds.flatMap((id): ProviderCard[] => {
    const adapter = getProvider(id);
    if (!adapter) return [];
    const connection = connections.get(id);
    const activeRun = running.find((r) => r.provider === id);
    const prefix = id.toUpperCase();
    return [{
      id,
      displayName: adapter.displayName,
      connectMethod: adapter.oauth ? "oauth" : id === "demo" ? "demo" : "widget",
      configured: id === "demo" || isOAuthConfigured(id),
      requiredEnv: id === "demo" ? [] : [`${prefix}_CLIENT_ID`, `${prefix}_CLIENT_SECRET`],
      connection: connection ? toView(connection) : null,
      activeRun: activeRun ? toSyncRunView(activeRun) : null,
    }];
  });
}

/**
 * Connects the simulated provider (no OAuth) and asks for its first backfill. Connecting again
 * re-activates the same connection.
 */
export async function connectDemo(db: Database, userId: string, days = DEFAULT_BACKFILL_DAYS): Promise<Connection> {
  const connection = await activateConnection(db, { userId, provider: "demo", externalUserId: `demo-${userId}`, tokens: null, scopes: [] });
  await emit(db, "devices/backfill.requested", { connectionId: connection.id, userId, days });
  return connection;
}

/**
 * "Connect" on the demo card. While the demo connection is live this changes nothing (no second
 * backfill); connecting again after a disconnect is limited, as each connection queues a backfill
 * of webhook deliveries.
 */
export async function requestDemoConnection(db: Database, userId: string, origin: { ip: string }): Promise<Connection> {
  const existing = await getConnection(db, userId, "demo").catch(() => null);
  if (existing?.status === "active") return existing;
  await enforceRateLimits(db, requestLimits.demoConnect(userId, origin.ip));
  return connectDemo(db, userId);
}

/**
 * "Sync now": refuses connections that are not live (409) and repeated presses (429), records a
 * running manual sync run and hands it to the sync job. Returns the run id the page follows.
 */
export async function requestManualSync(db: Database, userId: string, provider: ProviderId, origin: { ip: string }, now = new Date()): Promise<{ syncRunId: string }> {
  const connection = await getConnection(db, userId, provider);
  if (connection.status === "disconnected" || connection.status === "revoked" || connection.status === "pending") {
    throw AppError.conflict("This provider is not connected. Connect it again to sync.");
  }
  const [recent] = await db
    .select({ startedAt: syncRuns.startedAt })
    .from(syncRuns)
    .where(
      and(
        eq(syncRuns.userId, userId),
        eq(syncRuns.provider, provider),
        eq(syncRuns.kind, "manual"),
        gt(syncRuns.startedAt, new Date(now.getTime() - MANUAL_SYNC_COOLDOWN_MS)),
      ),
    )
    .orderBy(desc(syncRuns.startedAt))
    .limit(1);
  if (recent) {
    const retryAfter = Math.max(1, Math.ceil((recent.startedAt.getTime() + MANUAL_SYNC_COOLDOWN_MS - now.getTime()) / 1000));
    throw AppError.tooManyRequests(retryAfter, `A sync was started moments ago. Try again in ${retryAfter} s.`);
  }
  await enforceRateLimits(db, requestLimits.syncNow(userId, origin.ip));
  const syncRunId = await startSyncRun(db, { userId, provider, connectionId: connection.id, kind: "manual" });
  await emit(db, "devices/sync.requested", { connectionId: connection.id, userId, kind: "manual", syncRunId }, { id: `sync-${syncRunId}` });
  return { syncRunId };
}

/** One of the user's sync runs (NOT_FOUND when it is someone else's). */
export async function getSyncRun(db: Database, userId: string, id: string) {
  const [run] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.userId, userId), eq(syncRuns.id, id)));
  if (!run) throw AppError.notFound("Sync run");
  return toSyncRunView(run);
}


/**
 * Saves the user's provider order (duplicates are a 400 on `order`). Providers left out keep
 * their place after the listed ones. The user's daily summaries are then re-computed by a job
 * (the request does not grow with the history); the devices page shows its progress.
 */
export async function setProviderPriority(db: Database, userId: string, order: readonly ProviderId[], origin: { ip: string }): Promise<ProviderId[]> {
  const seen = new Set<ProviderId>();
  order.forEach((provider, index) => {
    if (seen.has(provider)) throw AppError.field(`order.${index}`, `"${provider}" is listed twice.`);
    seen.add(provider);
  });
  await enforceRateLimits(db, requestLimits.priority(userId, origin.ip));
  const current = await getProviderPriority(db, userId);
  const full = [...order, ...current.filter((p) => !seen.has(p))];
  await db.transaction(async (tx) => {
    await tx.delete(providerPriorities).where(eq(providerPriorities.userId, userId));
    await tx.insert(providerPriorities).values(full.map((provider, index) => ({ userId, provider, rank: index + 1 })));
  });
  await requestSummaryRecompute(db, userId, "priority");
  return full;
}
