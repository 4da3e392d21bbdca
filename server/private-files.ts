import { chmodSync, existsSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { logger } from "./logger";

/*
 * The embedded database and secrets under DATA_DIR are the owner's alone: directories 0700,
 * files 0600. PGlite creates its files 0666 whatever the umask, and anyone who can write them
 * can make themselves admin. Loose modes are fixed rather than refused (an install from before
 * this check would not start otherwise); the start-up warns when other users could reach them.
 * A tree we cannot fix (owned by someone else) is refused.
 */

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
const OTHERS = 0o077;

export interface PrivateTreeReport {
  /** Paths whose mode was changed. */
  fixed: string[];
  /** Whether a directory of the tree was open to other users before (its contents were reachable). */
  wasExposed: boolean;
}

/** Sets every directory under `root` (itself included) to 0700 and every file to 0600. */
export function restrictToOwner(root: string): PrivateTreeReport {
  const report: PrivateTreeReport = { fixed: [], wasExposed: false };
  if (!existsSync(root)) return report;
  const visit = (entry: string) => {
    const stat = lstatSync(entry);
    if (stat.isSymbolicLink()) return;
    const wanted = stat.isDirectory() ? PRIVATE_DIR : PRIVATE_FILE;
    if ((stat.mode & 0o777) !== wanted) {
      if (stat.isDirectory() && stat.mode & OTHERS) report.wasExposed = true;
      try {
        chmodSync(entry, wanted);
      } catch (error) {
        throw new Error(`${entry} is open to other users (mode ${(stat.mode & 0o777).toString(8)}) and cannot be restricted: ${(error as Error).message}`);
      }
      report.fixed.push(entry);
    }
    if (stat.isDirectory()) for (const name of readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(root);
  return report;
}

/** `restrictToOwner(root)`, with a warning when the tree had been reachable by other local users. */
export function checkPrivateTree(root: string, what: string): PrivateTreeReport {
  const report = restrictToOwner(root);
  if (report.wasExposed) {
    logger.warn(
      { dir: root, fixed: report.fixed.length, examples: report.fixed.slice(0, 5) },
      `${what} was readable or writable by other local users; restricted to the owner (directories 0700, files 0600)`,
    );
  }
  return report;
}
