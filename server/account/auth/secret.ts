import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/db";
import { env } from "../../env";

let cached: string | undefined;

/**
 * AUTH_SECRET when set; otherwise a secret generated once and kept in `<data dir>/auth-secret`
 * (mode 0600) so sessions survive restarts of the embedded default. Several instances must
 * share AUTH_SECRET instead.
 */
export function resolveAuthSecret(): string {
  cached ??= env().AUTH_SECRET ?? loadOrCreateSecretFile(path.join(dataDir(), "auth-secret"));
  return cached;
}

export function loadOrCreateSecretFile(file: string): string {
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // "wx": never overwrite a secret another process wrote first.
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const created = readSecret(file);
  if (!created) throw new Error(`could not read the generated auth secret at ${file}`);
  return created;
}

function readSecret(file: string): string | null {
  try {
    const value = readFileSync(file, "utf8").trim();
    return value.length >= 32 ? value : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
