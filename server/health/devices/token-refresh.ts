import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { providerConnections } from "@/db/schema";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { markConnection, readTokens, saveTokens, type Connection } from "./connections";
import { MissingScopeError, OAuthError } from "./oauth/errors";
import { refreshAccessToken } from "./oauth/token-exchange";
import { oauthClient } from "./oauth/client";

/** Tokens expiring within this window are refreshed before use. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The provider no longer honours this connection's grant (refresh rejected, access withdrawn or
 * narrowed): the connection was marked `error` and only a reconnect helps. Retrying is pointless.
 */
export class ReconnectRequiredError extends AppError {
  constructor(message: string) {
    super("CONFLICT", message);
    this.name = "ReconnectRequiredError";
  }
}

export interface FreshTokenOptions {
  fetch: typeof fetch;
  now?: Date;
  /** Refresh even if the stored token looks valid (the provider just answered 401). */
  force?: boolean;
}

/**
 * An access token for the connection that is good for at least five more minutes, refreshing and
 * storing new tokens when needed (the old refresh token is kept if the provider sends none).
 * A rejected refresh marks the connection `error` and throws ReconnectRequiredError; network and
 * server failures are thrown as they are so the caller's retries apply.
 */
export async function getFreshAccessToken(db: Database, connection: Connection, options: FreshTokenOptions): Promise<string> {
  const now = options.now ?? new Date();
  const { accessToken, refreshToken } = readTokens(connection);
  if (!accessToken) return reconnect(db, connection, "The connection has no access token. Reconnect to resume syncing.");
  const expiresAt = connection.tokenExpiresAt?.getTime() ?? null;
  const expiring = expiresAt !== null && expiresAt - now.getTime() <= REFRESH_MARGIN_MS;
  if (!options.force && !expiring) return accessToken;
  if (!refreshToken) {
    if (expiresAt !== null && expiresAt > now.getTime() && !options.force) return accessToken;
    return reconnect(db, connection, "Access to the provider expired. Reconnect to resume syncing.");
  }

  const client = oauthClient(connection.provider);
  try {
    const tokens = await refreshAccessToken(client.settings, {
      ...client.credentials,
      refreshToken,
      currentScopes: connection.scopes,
      fetch: options.fetch,
      now,
    });
    await saveTokens(db, connection.id, tokens);
    return tokens.accessToken;
  } catch (error) {
    if (error instanceof MissingScopeError) {
      return reconnect(db, connection, `${client.adapter.displayName} no longer grants ${error.missing.join(", ")}. Reconnect and allow every permission.`);
    }
    if (error instanceof OAuthError && error.needsReconnect) {
      // A concurrent run may have refreshed (and rotated) the token first: use what it stored.
      const latest = await reload(db, connection.id);
      if (latest && latest.refreshTokenEnc !== connection.refreshTokenEnc && latest.status === "active") {
        const fresh = readTokens(latest).accessToken;
        if (fresh) return fresh;
      }
      return reconnect(db, connection, `${client.adapter.displayName} rejected the stored authorization (it was revoked or expired). Reconnect to resume syncing.`);
    }
    throw error;
  }
}

async function reload(db: Database, id: string): Promise<Connection | null> {
  const [row] = await db.select().from(providerConnections).where(eq(providerConnections.id, id));
  return row ?? null;
}

async function reconnect(db: Database, connection: Connection, message: string): Promise<never> {
  await markConnection(db, connection.id, { status: "error", lastError: message });
  logger.warn({ connectionId: connection.id, provider: connection.provider }, "provider authorization needs a reconnect");
  throw new ReconnectRequiredError(message);
}
