import { and, count, eq, gte, lte, min, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { jobRuns } from "@/db/schema/jobs";
import { webhookDeliveries } from "@/db/schema/ingestion";
import { jobBackend } from "../../env";
import { minuteOf } from "../telemetry/aggregator";
import { readRequestWindow, type RequestWindowStats } from "../telemetry/store";
import { evaluateStatus, requestWindowStart, STATUS_WINDOWS, type StatusInputs } from "./status";
import type { StatusReport } from "./status-schema";

const minutesBefore = (at: Date, minutes: number) => new Date(at.getTime() - minutes * 60_000);

export type StatusReadings = StatusInputs & { routes: RequestWindowStats["routes"] };

/** Reads the status inputs (request buckets of every instance, webhook deliveries, job runs), with the requests per route. */
export async function readStatusInputs(db: Database, now: Date = new Date(), backend: "local" | "inngest" = jobBackend()): Promise<StatusReadings> {
  const [requests, webhooks, jobs] = await Promise.all([
    readRequestWindow(db, requestWindowStart(now), new Date(minuteOf(now).getTime() + 60_000)),
    readWebhookOutcomes(db, minutesBefore(now, STATUS_WINDOWS.webhooksMinutes)),
    backend === "local" ? readJobHealth(db, now) : Promise.resolve({ failed: 0, oldestDueAgeMs: null }),
  ]);
  return { now, requests: { count: requests.count, errors: requests.errors, p95Ms: requests.p95Ms }, webhooks, jobs: { backend, ...jobs }, routes: requests.routes };
}

async function readWebhookOutcomes(db: Database, since: Date): Promise<StatusInputs["webhooks"]> {
  const rows = await db
    .select({
      provider: webhookDeliveries.provider,
      finished: sql<number>`count(*) filter (where ${webhookDeliveries.status} <> 'received')`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'failed')`.mapWith(Number),
    })
    .from(webhookDeliveries)
    .where(gte(webhookDeliveries.receivedAt, since))
    .groupBy(webhookDeliveries.provider);
  return rows;
}

async function readJobHealth(db: Database, now: Date): Promise<Omit<StatusInputs["jobs"], "backend">> {
  const since = minutesBefore(now, STATUS_WINDOWS.jobsMinutes);
  const [failed] = await db
    .select({ n: count() })
    .from(jobRuns)
    .where(and(eq(jobRuns.status, "failed"), gte(jobRuns.finishedAt, since)));
  // Due runs only: a run waiting for its backoff, a sleep or a debounce is not late.
  const [oldest] = await db
    .select({ at: min(jobRuns.runAfter) })
    .from(jobRuns)
    .where(and(eq(jobRuns.status, "queued"), lte(jobRuns.runAfter, now)));
  const oldestAt = oldest?.at ? new Date(oldest.at) : null;
  return { failed: failed?.n ?? 0, oldestDueAgeMs: oldestAt ? Math.max(0, now.getTime() - oldestAt.getTime()) : null };
}

/** The system status now: what /api/status and the admin status page show. */
export async function readSystemStatus(db: Database, now: Date = new Date()): Promise<StatusReport> {
  return evaluateStatus(await readStatusInputs(db, now));
}

const CACHE_MS = 10_000;
let cached: { at: number; report: Promise<StatusReport> } | undefined;

/**
 * The status as /api/status serves it: computed at most every 10 s per instance, so an
 * unauthenticated endpoint polled by every monitor costs the database a few small reads a minute.
 */
export function cachedSystemStatus(db: Database, now: number = Date.now()): Promise<StatusReport> {
  if (!cached || now - cached.at >= CACHE_MS) {
    const report = readSystemStatus(db, new Date(now));
    cached = { at: now, report };
    // A failed read is not kept: the next request tries again.
    report.catch(() => {
      if (cached?.report === report) cached = undefined;
    });
  }
  return cached.report;
}
