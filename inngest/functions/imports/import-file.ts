import { NonRetriableError } from "inngest";
import { requestInsightsRecompute } from "@/server/health/analytics/recompute-request";
import { isBadImportInput, runImport } from "@/server/health/imports/file-imports";
import { isImportKind } from "@/server/health/imports/parsers";
import { RECORD_IMPORTERS } from "@/server/health/imports/record-importers";
import { defineFunction } from "../../define";

const RETRIES = 2;

/**
 * An uploaded export or CSV → normalized samples → daily rollups, with progress on the import row;
 * then fresh insights if it stored anything (and did not bring its own). A file that is wrong (bad columns, not a zip, broken
 * XML) fails at once: another attempt would read the same bytes. Other failures (the database
 * gone) are retried.
 */
export const importFile = defineFunction(
  { id: "import-file", event: "imports/file.uploaded", retries: RETRIES, concurrencyKey: "event.data.userId" },
  async ({ event, step, db, attempt }) => {
    const done = await step.run("import", async () => {
      try {
        const row = await runImport(db, event.data.importId, { finalAttempt: attempt >= RETRIES });
        const insightsIncluded = isImportKind(row.kind) && RECORD_IMPORTERS[row.kind]?.carriesInsights === true;
        return { status: row.status, items: row.itemsImported, errors: row.errorCount, insightsIncluded };
      } catch (error) {
        if (isBadImportInput(error)) throw new NonRetriableError(error.message, { cause: error });
        throw error;
      }
    });
    if (done.status === "succeeded" && done.items > 0 && !done.insightsIncluded) await step.run("request-insights", () => requestInsightsRecompute(db, event.data.userId, "import"));
    return done;
  },
);
