import { getDb } from "@/db";
import { safeCallbackUrl } from "@/server/account/auth/callback-url";
import { getSessionUser } from "@/server/account/auth/current-user";
import { AppError, describeError, errorResponse } from "@/server/errors";
import { logger } from "@/server/logger";
import { abandonConnect, completeConnect } from "@/server/health/devices/oauth/flow";
import { completeTerraConnect } from "@/server/health/devices/terra-connect";
import { getProvider } from "@/server/health/providers/registry";
import { requestId } from "@/server/request";

export const dynamic = "force-dynamic";

const DEVICES = "/devices";
/** What our own failure redirect for Terra's widget carries (see terra-connect.ts). */
const TERRA_FAILED = "terra_auth_failed";

/**
 * Where the provider sends the user back: `?code&state` on consent, `?error=access_denied` when
 * they declined (Terra's widget: `?state&user_id&resource&reference_id`). Ends on the devices
 * page with `?connected=<provider>` or `?error=<message>`.
 */
export async function GET(req: Request, { params }: { params: Promise<{ provider: string }> }) {
  const id = requestId(req.headers);
  const url = new URL(req.url);
  const { provider } = await params;
  const adapter = getProvider(provider);
  const isTerra = adapter?.id === "terra";
  if (!adapter || (!adapter.oauth && !isTerra)) return errorResponse(AppError.notFound("Provider"), id);
  const back = (path: string, query: Record<string, string>) => {
    // The stored path was checked when the connect started; checked again, as every redirect is.
    const target = new URL(safeCallbackUrl(path, DEVICES, url.origin), url);
    for (const [key, value] of Object.entries(query)) target.searchParams.set(key, value);
    return new Response(null, { status: 303, headers: { location: target.toString(), "cache-control": "no-store", "x-request-id": id } });
  };

  const db = await getDb();
  const state = url.searchParams.get("state");
  const providerError = url.searchParams.get("error");
  if (providerError) {
    await abandonConnect(db, { provider: adapter.id, state });
    const message =
      providerError === "access_denied" || providerError === TERRA_FAILED
        ? `You declined access in ${adapter.displayName} or it could not finish, so nothing was connected.`
        : `${adapter.displayName} reported an error: ${url.searchParams.get("error_description") ?? providerError}.`;
    return back(DEVICES, { error: message });
  }

  // The authorization code, or for Terra the id of the user its widget just connected.
  const grant = url.searchParams.get(isTerra ? "user_id" : "code");
  if (!grant || !state) return back(DEVICES, { error: `${adapter.displayName} sent us back without an authorization. Connect again.` });
  const user = await getSessionUser(db);
  if (!user) {
    const signIn = new URL("/sign-in", url);
    signIn.searchParams.set("callbackUrl", `${url.pathname}${url.search}`);
    return Response.redirect(signIn, 303);
  }
  try {
    const { redirectTo } = isTerra
      ? await completeTerraConnect(db, { state, terraUserId: grant, userId: user.id, fetch })
      : await completeConnect(db, { provider: adapter.id, code: grant, state, userId: user.id, fetch });
    return back(redirectTo, { connected: adapter.id });
  } catch (error) {
    const described = describeError(error);
    if (described.code === "INTERNAL") logger.error({ err: error, provider: adapter.id, requestId: id }, "oauth callback failed");
    return back(DEVICES, { error: described.message });
  }
}
