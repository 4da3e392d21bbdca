import { getDb } from "@/db";
import { getSessionUser } from "@/server/account/auth/current-user";
import { errorResponse } from "@/server/errors";
import { startConnect } from "@/server/health/devices/oauth/flow";
import { requestId } from "@/server/request";

export const dynamic = "force-dynamic";

/**
 * Starts connecting a provider: signed-in users are sent to the provider's consent page
 * (`?redirectTo=/path` chooses where to land afterwards). Signed out → sign-in and back here;
 * unknown provider → 404; provider without credentials on this server → 409 naming what to set.
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
    const started = await startConnect(db, { userId: user.id, provider, redirectTo: url.searchParams.get("redirectTo") });
    return new Response(null, { status: 302, headers: { location: started.url, "cache-control": "no-store", "x-request-id": id } });
  } catch (error) {
    return errorResponse(error, id);
  }
}
