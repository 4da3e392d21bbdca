import { and, eq, lt } from "drizzle-orm";
import type { Database } from "@/db";
import { oauthStates } from "@/db/schema";
import { safeCallbackUrl } from "../../account/auth/callback-url";
import { AppError } from "../../errors";
import { createState } from "./oauth/pkce";

/** How long a started connect may take before its `state` is refused. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;
export const DEFAULT_RETURN_PATH = "/devices";

export type ConnectState = typeof oauthStates.$inferSelect;

/**
 * Remembers a started connect for ten minutes: who started it, for which provider, the PKCE
 * verifier (if any) and where to land afterwards (a path on this site only). Expired rows go.
 */
export async function saveConnectState(
  db: Database,
  input: { userId: string; provider: string; state?: string; codeVerifier?: string | null; redirectTo?: string | null; now: Date },
): Promise<string> {
  const state = input.state ?? createState();
  await db.delete(oauthStates).where(lt(oauthStates.expiresAt, input.now));
  await db.insert(oauthStates).values({
    state,
    userId: input.userId,
    provider: input.provider,
    codeVerifier: input.codeVerifier ?? null,
    redirectTo: safeCallbackUrl(input.redirectTo, DEFAULT_RETURN_PATH),
    expiresAt: new Date(input.now.getTime() + OAUTH_STATE_TTL_MS),
  });
  return state;
}

/**
 * Takes the `state` out of the store (so it works once) and checks it belongs to this provider,
 * this user and has not expired. Anything else is BAD_REQUEST.
 */
export async function consumeConnectState(db: Database, input: { provider: string; state: string; userId?: string | null; now: Date }): Promise<ConnectState> {
  const [row] = await db.delete(oauthStates).where(eq(oauthStates.state, input.state)).returning();
  const restart = "Start connecting again from the devices page.";
  if (!row || row.provider !== input.provider) throw AppError.badRequest(`This connect link is not valid or was already used. ${restart}`);
  if (row.expiresAt.getTime() <= input.now.getTime()) throw AppError.badRequest(`This connect link expired. ${restart}`);
  // The callback must come back in the session that started it (no linking into someone else's account).
  if (input.userId && row.userId !== input.userId) throw AppError.badRequest(`This connect link was started in another account. ${restart}`);
  return row;
}

/** The user declined at the provider (or it reported an error): the state is spent either way. */
export async function abandonConnect(db: Database, input: { provider: string; state: string | null }): Promise<void> {
  if (input.state) await db.delete(oauthStates).where(and(eq(oauthStates.state, input.state), eq(oauthStates.provider, input.provider)));
}
