import { NonRetriableError } from "inngest";
import { ExportInputError, runExport } from "@/server/health/exports/run";
import { defineFunction } from "../../define";

const RETRIES = 2;

/**
 * A requested export → its file in storage, with progress on the row. One export of a user at a
 * time; a kind without a writer or options no longer valid fail at once, other failures are retried.
 */
export const runExportJob = defineFunction(
  { id: "run-export", event: "exports/requested", retries: RETRIES, concurrencyKey: "event.data.userId" },
  async ({ event, step, db, attempt }) =>
    step.run("write", async () => {
      try {
        const row = await runExport(db, event.data.exportId, { finalAttempt: attempt >= RETRIES });
        return { status: row.status, bytes: row.bytes };
      } catch (error) {
        if (error instanceof ExportInputError) throw new NonRetriableError(error.message, { cause: error });
        throw error;
      }
    }),
);
