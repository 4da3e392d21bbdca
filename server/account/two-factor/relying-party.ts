import { env } from "../../env";

/**
 * The WebAuthn relying party is the app's public address (APP_URL): passkeys are bound to its
 * host name, and only assertions made on its origin are accepted.
 */
export function relyingParty(): { name: string; id: string; origin: string } {
  const url = new URL(env().APP_URL);
  return { name: "BioSync", id: url.hostname, origin: url.origin };
}
