import { z } from "zod";
import type { Database } from "@/db";
import { AppError } from "../../errors";
import { env } from "../../env";
import { emit } from "../../platform/jobs/emit";
import { activateConnection, type Connection } from "./connections";
import { consumeConnectState, DEFAULT_RETURN_PATH, saveConnectState } from "./connect-states";
import { DEFAULT_BACKFILL_DAYS } from "./devices";
import { providerHttp } from "../providers/http";
import { terra } from "../providers/terra/adapter";
import { getJson, send } from "../providers/shared/http";
import type { ProviderHttp } from "../providers/types";

/**
 * Terra connects users through its hosted widget, not an OAuth code flow: BioSync asks Terra for a
 * widget session (authenticated with the dev-id and API key), the user picks and authorises a
 * wearable there, and Terra redirects back with `user_id`, `resource` and our `reference_id`
 * appended. The `state` travels in our own redirect URL; the Terra user is then confirmed with
 * Terra's userInfo so a forged `user_id` cannot be linked.
 */

/** `TERRA_CLIENT_ID` holds the dev-id and `TERRA_CLIENT_SECRET` the API key. */
function terraApi(fetchImpl: typeof fetch): ProviderHttp & { apiKey: { id: string; secret: string } } {
  const http = providerHttp(terra, fetchImpl);
  if (!http.apiKey) {
    throw AppError.conflict("Terra is not configured on this server. Set TERRA_CLIENT_ID (dev-id) and TERRA_CLIENT_SECRET (API key) and restart.");
  }
  return { ...http, apiKey: http.apiKey };
}

const keyHeaders = (http: { apiKey: { id: string; secret: string } }) => ({ "dev-id": http.apiKey.id, "x-api-key": http.apiKey.secret });

const widgetSession = z.object({ url: z.url(), session_id: z.string().optional() });
const userInfo = z.object({ user: z.object({ user_id: z.string(), reference_id: z.string().nullish(), provider: z.string().nullish() }).nullish() });

function callbackWithState(state: string, failed: boolean): string {
  const url = new URL(`${env().APP_URL.replace(/\/$/, "")}/api/devices/terra/callback`);
  url.searchParams.set("state", state);
  // The callback route knows this value; Terra appends user_id, resource and reference_id.
  if (failed) url.searchParams.set("error", "terra_auth_failed");
  return url.toString();
}

export async function startTerraConnect(
  db: Database,
  input: { userId: string; redirectTo?: string | null; fetch: typeof fetch; now: Date },
): Promise<{ url: string; state: string }> {
  const http = terraApi(input.fetch);
  const state = await saveConnectState(db, { userId: input.userId, provider: "terra", redirectTo: input.redirectTo, now: input.now });
  let response: Response;
  try {
    response = await http.fetch(new URL(`${http.baseUrl.replace(/\/$/, "")}/v2/auth/generateWidgetSession`), {
      method: "POST",
      headers: { ...keyHeaders(http), "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        reference_id: input.userId,
        language: "en",
        auth_success_redirect_url: callbackWithState(state, false),
        auth_failure_redirect_url: callbackWithState(state, true),
      }),
    });
  } catch (cause) {
    throw new AppError("UNAVAILABLE", "Terra could not be reached. Try again shortly.", { cause });
  }
  const parsed = widgetSession.safeParse(response.ok ? await response.json().catch(() => null) : null);
  if (!parsed.success) throw new AppError("UNAVAILABLE", `Terra did not open a connect session (HTTP ${response.status}). Check the dev-id and API key.`);
  return { url: parsed.data.url, state };
}

/** Finishes a Terra widget connect: spends the state, confirms the Terra user belongs to this user, activates. */
export async function completeTerraConnect(
  db: Database,
  input: { state: string; terraUserId: string; userId?: string | null; fetch: typeof fetch; now?: Date },
): Promise<{ connection: Connection; redirectTo: string }> {
  const now = input.now ?? new Date();
  const http = terraApi(input.fetch);
  const state = await consumeConnectState(db, { provider: "terra", state: input.state, userId: input.userId, now });
  let info: z.infer<typeof userInfo>;
  try {
    info = await getJson(http, { path: "/v2/userInfo", query: { user_id: input.terraUserId }, headers: keyHeaders(http) }, userInfo);
  } catch (cause) {
    throw new AppError("UNAVAILABLE", "Terra could not confirm the connection. Try connecting again shortly.", { cause });
  }
  if (!info.user || info.user.user_id !== input.terraUserId || info.user.reference_id !== state.userId) {
    throw AppError.badRequest("Terra does not know this connection as yours. Connect again from the devices page.");
  }
  const connection = await activateConnection(db, { userId: state.userId, provider: "terra", externalUserId: input.terraUserId, tokens: null, scopes: [] });
  await emit(db, "devices/backfill.requested", { connectionId: connection.id, userId: state.userId, days: DEFAULT_BACKFILL_DAYS });
  return { connection, redirectTo: state.redirectTo ?? DEFAULT_RETURN_PATH };
}

/** Tells Terra to drop the user (its documented deauthentication). */
export async function deauthenticateTerraUser(terraUserId: string, fetchImpl: typeof fetch): Promise<boolean> {
  const http = terraApi(fetchImpl);
  await send(http, { path: "/v2/auth/deauthenticateUser", method: "DELETE", query: { user_id: terraUserId }, headers: keyHeaders(http) });
  return true;
}
