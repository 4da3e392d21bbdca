import { env } from "../env";
import { allowlistEntries, compileAllowlist } from "./ip-allowlist-format";

const compiled = new Map<string, (address: string) => boolean>();

/**
 * Whether the admin console may be used from `ip` under `value` (ADMIN_IP_ALLOWLIST by default).
 * No list: every address may (the option is off). With one, an unknown address may not.
 */
export function adminIpAllowed(ip: string, value: string | undefined = env().ADMIN_IP_ALLOWLIST): boolean {
  const entries = allowlistEntries(value);
  const key = entries.join(",");
  let allowed = compiled.get(key);
  if (!allowed) {
    allowed = compileAllowlist(entries);
    compiled.set(key, allowed);
  }
  return allowed(ip);
}

export const ADMIN_IP_REFUSED = "The admin console cannot be used from this network.";
