import { getDb } from "@/db";
import { getSessionUser } from "@/server/account/auth/current-user";
import { AppError, errorResponse } from "@/server/errors";
import { pokeStreamResponse } from "@/server/sync/poke-stream";
import { subscribePokes } from "@/server/sync/pokes";
import { withRequestMetrics } from "@/server/platform/telemetry/http";

export const dynamic = "force-dynamic";

/**
 * The signed-in user's poke stream (Server-Sent Events): an `event: poke` whenever something of
 * theirs was committed, so the sync client pulls. The metrics time the answer's start only, not the
 * open stream (withRequestMetrics does not wait for a streamed body).
 */
export const GET = withRequestMetrics("/api/sync/poke", async (req: Request) => {
  const user = await getSessionUser(await getDb());
  if (!user) {
    const refused = errorResponse(AppError.unauthorized());
    refused.headers.set("cache-control", "no-store");
    return refused;
  }
  return pokeStreamResponse({ userId: user.id, signal: req.signal, subscribe: subscribePokes });
});
