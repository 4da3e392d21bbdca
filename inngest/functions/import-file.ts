import { runImport } from "@/server/integrations/file-imports";
import { defineFunction } from "../define";

/** An uploaded export or CSV → normalized samples → daily rollups, with progress on the import row. */
export const importFile = defineFunction(
  { id: "import-file", event: "imports/file.uploaded", retries: 2, concurrencyKey: "event.data.userId" },
  async ({ event, step, db }) =>
    step.run("import", async () => {
      const done = await runImport(db, event.data.importId);
      return { status: done.status, items: done.itemsImported, errors: done.errorCount };
    }),
);
