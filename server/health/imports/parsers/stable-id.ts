import { createHash } from "node:crypto";

/**
 * A deterministic record id: `<prefix>:<128-bit digest of the parts>`. The same input yields the same id on
 * every import, so re-importing a file replaces rows instead of adding them.
 */
export function stableId(prefix: string, ...parts: readonly string[]): string {
  return `${prefix}:${createHash("sha1").update(parts.join("\u001f")).digest("base64url").slice(0, 22)}`;
}
