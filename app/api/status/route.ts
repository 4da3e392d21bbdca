import { getDb } from "@/db";
import { logger } from "@/server/logger";
import { cachedSystemStatus } from "@/server/platform/ops/status-reader";
import { withRequestMetrics } from "@/server/platform/telemetry/http";

export const dynamic = "force-dynamic";

/**
 * The system status for monitors: the colour and the numbers behind it, no user data. 200 whatever
 * the colour (a red status is the service's news, not this endpoint failing, and load balancers
 * must not pull every instance for it: they probe /api/readyz); 503 only when it cannot be read.
 */
export const GET = withRequestMetrics("/api/status", async () => {
  const headers = { "cache-control": "no-store" };
  try {
    return Response.json(await cachedSystemStatus(await getDb()), { headers });
  } catch (error) {
    logger.error({ err: error }, "system status could not be read");
    const body = { status: "red", checks: [], window: null, generatedAt: new Date().toISOString(), error: "The status could not be read: the database is unavailable." };
    return Response.json(body, { status: 503, headers });
  }
});
