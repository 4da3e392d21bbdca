import proxyaddr from "proxy-addr";

/** The entries of an ADMIN_IP_ALLOWLIST value (comma-separated IPs and CIDRs). */
export function allowlistEntries(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Why an allow-list value cannot be used (an entry that is neither an IP nor a CIDR), or null when it can. */
export function allowlistProblem(value: string | undefined): string | null {
  try {
    proxyaddr.compile(allowlistEntries(value));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A test of addresses against the entries (an empty list lets every address through). */
export function compileAllowlist(entries: readonly string[]): (address: string) => boolean {
  if (entries.length === 0) return () => true;
  const trust = proxyaddr.compile([...entries]);
  return (address) => address !== "unknown" && trust(address, 0);
}
