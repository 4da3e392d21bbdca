import { and, eq, ne } from "drizzle-orm";
import type { Database } from "@/db";
import { providerConnections } from "@/db/schema";
import { AppError } from "@/server/errors";
import { emit } from "@/server/platform/jobs/emit";
import { logger } from "@/server/logger";
import { consumeConnectState, DEFAULT_RETURN_PATH, saveConnectState } from "../connect-states";
import { activateConnection, disconnectConnection, getConnection, readTokens, type Connection } from "../connections";
import { DEFAULT_BACKFILL_DAYS } from "../devices";
import { startAuthorization } from "./authorize-url";
import { MissingScopeError, OAuthError } from "./errors";
import { exchangeCode, revokeToken, type TokenSet } from "./token-exchange";
import { fetchWithTimeout, oauthClient, type OAuthClient } from "./client";
import { TokenExpiredError } from "../../providers/shared/errors";
import { deauthenticateTerraUser, startTerraConnect } from "../terra-connect";
import { getFreshAccessToken } from "../token-refresh";

export { abandonConnect, OAUTH_STATE_TTL_MS } from "../connect-states";

const REVOKE_TIMEOUT_MS = 5000;

/**
 * Starts connecting a provider: stores a single-use `state` (with the PKCE verifier when the
 * provider supports PKCE) for ten minutes and returns where to send the user: the provider's
 * consent URL, or for Terra its connect widget.
 */
export async function startConnect(
  db: Database,
  input: { userId: string; provider: string; redirectTo?: string | null; now?: Date; fetch?: typeof fetch },
): Promise<{ url: string; state: string }> {
  const now = input.now ?? new Date();
  if (input.provider === "terra") {
    return startTerraConnect(db, { userId: input.userId, redirectTo: input.redirectTo, fetch: fetchWithTimeout(input.fetch ?? fetch, 15_000), now });
  }
  const client = oauthClient(input.provider);
  const started = startAuthorization(client.settings, { clientId: client.credentials.clientId, redirectUri: client.redirectUri });
  await saveConnectState(db, {
    userId: input.userId,
    provider: client.adapter.id,
    state: started.state,
    codeVerifier: started.codeVerifier,
    redirectTo: input.redirectTo,
    now,
  });
  return { url: started.url.toString(), state: started.state };
}

export interface CompleteConnectInput {
  provider: string;
  code: string;
  state: string;
  /** The signed-in user of the callback request; must be the one who started. */
  userId?: string | null;
  fetch: typeof fetch;
  now?: Date;
}

/**
 * Finishes the OAuth callback: validates and spends the state, exchanges the code (with the PKCE
 * verifier), insists on the required scopes, finds the provider's id of the user, stores the
 * tokens encrypted and asks for a backfill of the last 30 days.
 */
export async function completeConnect(db: Database, input: CompleteConnectInput): Promise<{ connection: Connection; redirectTo: string }> {
  const now = input.now ?? new Date();
  const client = oauthClient(input.provider);
  const state = await consumeConnectState(db, { provider: client.adapter.id, state: input.state, userId: input.userId, now });
  const tokens = await exchange(client, { code: input.code, codeVerifier: state.codeVerifier, fetch: input.fetch, now });
  const externalUserId = tokens.externalUserId ?? (await lookUpIdentity(client, tokens.accessToken, input.fetch));
  if (externalUserId) await refuseIfLinkedElsewhere(db, client, externalUserId, state.userId);

  const connection = await activateConnection(db, {
    userId: state.userId,
    provider: client.adapter.id,
    externalUserId,
    tokens: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt, scopes: tokens.scopes },
  });
  await emit(db, "devices/backfill.requested", { connectionId: connection.id, userId: state.userId, days: DEFAULT_BACKFILL_DAYS });
  return { connection, redirectTo: state.redirectTo ?? DEFAULT_RETURN_PATH };
}

async function exchange(client: OAuthClient, input: { code: string; codeVerifier: string | null; fetch: typeof fetch; now: Date }): Promise<TokenSet> {
  const name = client.adapter.displayName;
  try {
    return await exchangeCode(client.settings, {
      ...client.credentials,
      code: input.code,
      redirectUri: client.redirectUri,
      codeVerifier: input.codeVerifier,
      fetch: fetchWithTimeout(input.fetch, 15_000),
      now: input.now,
    });
  } catch (error) {
    if (error instanceof MissingScopeError) {
      throw AppError.badRequest(`${name} did not grant every permission BioSync needs (missing: ${error.missing.join(", ")}). Connect again and allow them all.`);
    }
    if (error instanceof OAuthError) throw AppError.badRequest(`${name} did not accept the authorization (${error.code}). Connect again.`);
    throw new AppError("UNAVAILABLE", `${name} could not be reached to finish connecting. Try again shortly.`, { cause: error });
  }
}

async function lookUpIdentity(client: OAuthClient, accessToken: string, fetchImpl: typeof fetch): Promise<string | null> {
  if (!client.adapter.fetchIdentity) return null;
  try {
    return (await client.adapter.fetchIdentity(client.api(fetchWithTimeout(fetchImpl, 15_000)), accessToken)).externalUserId;
  } catch (error) {
    throw new AppError("UNAVAILABLE", `${client.adapter.displayName} did not tell us who you are there. Try connecting again shortly.`, { cause: error });
  }
}

/** One provider account feeds one BioSync account: its webhooks are routed by that id. */
async function refuseIfLinkedElsewhere(db: Database, client: OAuthClient, externalUserId: string, userId: string): Promise<void> {
  const [other] = await db
    .select({ id: providerConnections.id })
    .from(providerConnections)
    .where(
      and(
        eq(providerConnections.provider, client.adapter.id),
        eq(providerConnections.externalUserId, externalUserId),
        ne(providerConnections.userId, userId),
        eq(providerConnections.status, "active"),
      ),
    );
  if (other) throw AppError.conflict(`This ${client.adapter.displayName} account is already connected to another BioSync account.`);
}

/**
 * Disconnects: revokes the grant at the provider when it has a revocation endpoint (best effort;
 * a failure is logged, never blocks), then stops syncing, keeping the data unless `deleteData`.
 */
export async function disconnectProvider(
  db: Database,
  input: { userId: string; provider: string; deleteData: boolean; fetch: typeof fetch },
): Promise<{ revoked: boolean; deletedDays: number }> {
  const connection = await getConnection(db, input.userId, input.provider);
  const revoked = await revokeBestEffort(db, connection, fetchWithTimeout(input.fetch, REVOKE_TIMEOUT_MS));
  const { deletedDays } = await disconnectConnection(db, input.userId, input.provider, { deleteData: input.deleteData });
  return { revoked, deletedDays };
}

async function revokeBestEffort(db: Database, connection: Connection, fetchImpl: typeof fetch): Promise<boolean> {
  const log = logger.child({ connectionId: connection.id, provider: connection.provider });
  if (connection.provider === "terra" && connection.externalUserId && connection.status !== "disconnected") {
    try {
      return await deauthenticateTerraUser(connection.externalUserId, fetchImpl);
    } catch (error) {
      log.warn({ err: error }, "deauthenticating the Terra user failed; disconnecting anyway");
      return false;
    }
  }
  if (!connection.accessTokenEnc) return false;
  let client: OAuthClient;
  try {
    client = oauthClient(connection.provider);
  } catch {
    return false;
  }
  if (!client.settings.revoke) return false;
  try {
    const { accessToken, refreshToken } = readTokens(connection);
    if (!accessToken) return false;
    try {
      return await revokeToken(client.settings, { ...client.credentials, accessToken, refreshToken, fetch: fetchImpl });
    } catch (error) {
      if (!(error instanceof TokenExpiredError)) throw error;
      const fresh = await getFreshAccessToken(db, connection, { fetch: fetchImpl, force: true });
      return await revokeToken(client.settings, { ...client.credentials, accessToken: fresh, refreshToken: null, fetch: fetchImpl });
    }
  } catch (error) {
    log.warn({ err: error }, "revoking the provider grant failed; disconnecting anyway");
    return false;
  }
}
