import { checkReadiness } from "@/server/platform/ops/readiness";

export const dynamic = "force-dynamic";

/** Readiness: database reachable, migrations applied, job backend usable. 200 when ready, else 503. */
export async function GET() {
  const report = await checkReadiness();
  return Response.json(report, {
    status: report.status === "ready" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
