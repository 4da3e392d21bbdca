import { getDb } from "@/db";
import { getSessionUser } from "@/server/account/auth/current-user";
import { errorResponse } from "@/server/errors";
import { startConnect } from "@/server/health/devices/oauth/flow";
import { enforceRateLimits } from "@/server/platform/rate-limits/enforce";
import { requestLimits } from "@/server/platform/rate-limits/rules";
import { clientIp, requestId } from "@/server/request";

export const dynamic = "force-dynamic";

/**
 * Starts connecting a provider: signed-in users are sent to the provider's consent page
 * (`?redirectTo=/path` chooses where to land afterwards). Signed out → sign-in and back here;
 * unknown provider → 404; provider without credentials on this server → 409 naming what to set;
 * too many starts (each stores a state row) → 429 with Retry-After.
 */
export async function GET(req: Request, { params }: { params: Promise<{ provider: string }> }) {
  const id = requestId(req.headers);
  const url = new URL(req.url);
  try {
    const db = await getDb();
    const user = await getSessionUser(db);
    if (!user) {
      const signIn = new URL("/sign-in", url);
      signIn.searchParams.set("callbackUrl", `${url.pathname}${url.search}`);
      return Response.redirect(signIn, 303);
    }
    const { provider } = await params;
    await enforceRateLimits(db, requestLimits.oauthConnect(user.id, clientIp(req.headers)));
    const started = await startConnect(db, { userId: user.id, provider, redirectTo: url.searchParams.get("redirectTo") });
    return new Response(null, { status: 302, headers: { location: started.url, "cache-control": "no-store", "x-request-id": id } });
  } catch (error) {
    return errorResponse(error, id);
  }
}
