import { dataDir, getDbHandle, type Database } from "@/db";
import { env, jobBackend } from "./env";
import { startClock } from "./platform/jobs/clock";
import { installJobs } from "./platform/jobs/install";
import { startJobRunner } from "./platform/jobs/runner";
import { logger } from "./logger";
import { checkPrivateTree } from "./private-files";

interface StartupTask {
  name: string;
  run(db: Database): Promise<void>;
}

/**
 * Start-up work that needs the migrated database, run in this order before jobs start
 * (e.g. seeding the demo accounts on an empty database). A failing task is logged and skipped.
 */
const startupTasks: StartupTask[] = [
  {
    name: "seed",
    run: async (db) => {
      const { seedIfEmpty } = await import("@/db/seed");
      await seedIfEmpty(db);
    },
  },
];

/**
 * Everything a server process does once at start-up. It never throws: a database that is down
 * is logged (and reported by /api/readyz) and the server still starts.
 */
export async function bootServer(): Promise<void> {
  try {
    env();
  } catch (error) {
    // A misconfigured server must not start half-working: name every bad variable and stop.
    logger.fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  try {
    // The embedded database and the generated secrets: the owner's only (fixed and warned about if not).
    checkPrivateTree(dataDir(), "The data directory");
  } catch (error) {
    logger.fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  // Before anything that may emit an event (the seed does).
  installJobs();
  const db = await openDatabase();
  if (db) {
    for (const task of startupTasks) {
      try {
        await task.run(db);
      } catch (error) {
        logger.error({ err: error, task: task.name }, "start-up task failed");
      }
    }
  }

  if (jobBackend() === "local") {
    // Without a database yet, the runner keeps trying it on every poll.
    startJobRunner();
    startClock();
  } else {
    logger.info("jobs run on Inngest; the in-process runner is off");
  }
}

async function openDatabase(): Promise<Database | null> {
  try {
    const handle = await getDbHandle();
    logger.info({ driver: handle.kind }, "database opened and migrated");
    return handle.db;
  } catch (error) {
    logger.error({ err: error }, "database unreachable at start-up; /api/readyz reports not ready until it is back");
    return null;
  }
}
