import type { Database } from "@/db";
import { evaluateStatus } from "../platform/ops/status";
import { readStatusInputs } from "../platform/ops/status-reader";
import type { StatusReport } from "../platform/ops/status-schema";

export interface AdminStatus {
  report: StatusReport;
  /** Requests in the status window per route, busiest first (where the latency and errors come from). */
  routes: { route: string; count: number; errors: number; p95Ms: number | null }[];
}

/** The admin status page: the same report as /api/status (computed fresh), with the requests per route. */
export async function getAdminStatus(db: Database, now: Date = new Date()): Promise<AdminStatus> {
  const readings = await readStatusInputs(db, now);
  return { report: evaluateStatus(readings), routes: readings.routes.map((r) => ({ ...r, p95Ms: r.p95Ms === null ? null : Math.floor(r.p95Ms) })) };
}
