import { fileURLToPath } from "node:url";
import { pgliteBenchDb, postgresBenchDb, type BenchDb } from "./bench-db";
import { seedYearUser, yearPayloads, type YearUser } from "./year-user";

/** Runs `main` when the module at `moduleUrl` is the script started (`npx tsx scripts/bench/….ts`), not when the suite imports it. */
export function runAlone(moduleUrl: string, main: () => Promise<void>): void {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return;
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/** `bench` on a fresh Postgres database (skipped when unreachable) and then PGlite, each dropped afterwards; the results in that order. */
export async function onEachBenchDb<T>(bench: (target: BenchDb) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (const open of [postgresBenchDb, pgliteBenchDb]) {
    const target = await open();
    if (!target) {
      console.log("Postgres not reachable: skipped");
      continue;
    }
    try {
      const result = await bench(target);
      console.log(result);
      results.push(result);
    } finally {
      await target.dispose();
    }
  }
  return results;
}

/** `bench` on each bench database (onEachBenchDb) holding the year user (`email`). */
export async function onEachYearDb<T>(email: string, bench: (target: BenchDb, user: YearUser) => Promise<T>): Promise<T[]> {
  const payloads = yearPayloads();
  return onEachBenchDb(async (target) => bench(target, await seedYearUser(target.handle.db, payloads, email)));
}
