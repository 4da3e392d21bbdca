import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/db";

/**
 * A secret of the embedded default: created once under DATA_DIR (mode 0600) and reused by every
 * later start. Two processes racing to create it both end up reading the one that won.
 */
export function readOrCreateLocalSecret(name: string, generate: () => string): string {
  const file = path.join(dataDir(), name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, generate(), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8").trim();
}
