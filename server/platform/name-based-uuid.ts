import { createHash } from "node:crypto";

/** A uuid derived from names (SHA-256, UUIDv8 layout): the same names give the same id, any other names another. */
export function nameBasedUuid(...names: string[]): string {
  const bytes = createHash("sha256").update(names.join("\n")).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
