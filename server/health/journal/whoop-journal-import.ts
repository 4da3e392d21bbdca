import { ImportTracker } from "../imports/parsers/import-tracker";
import type { RecordImporter } from "../imports/record-importers";
import { storeJournalDays } from "./import-days";
import { isWhoopJournalHeader, readWhoopJournal } from "./whoop-journal-csv";

/** WHOOP's `journal_entries.csv` through the upload page: its answers and notes become journal entries and tags. */
export const whoopJournalImporter: RecordImporter = {
  detect: (_filename, firstBytes) => isWhoopJournalHeader(new TextDecoder("utf-8", { fatal: false }).decode(firstBytes)),
  async run(db, input) {
    const tracker = new ImportTracker(input.sizeBytes);
    const report = () => input.progress({ bytesRead: tracker.bytesRead, items: 0, errorCount: tracker.progress().errorCount });
    const days = await readWhoopJournal(input.bytes(), tracker, report);
    const { changed, unchanged } = await storeJournalDays(db, input.userId, [...days.values()]);
    return { items: changed, skipped: unchanged, errors: [...tracker.errors()], errorCount: tracker.progress().errorCount };
  },
  resultHref: "/journal",
};
