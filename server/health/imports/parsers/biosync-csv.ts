import { BIOSYNC_CSV_REQUIRED, parseIsoAtOffset } from "../../exports/csv-format";
import { METRIC_UNITS, PROVIDER_IDS, type Metric, type ProviderId } from "../../types";
import { BatchCollector } from "./batch-collector";
import { csvRows, numericCell } from "./csv-rows";
import { ImportTracker, importRun } from "./import-tracker";
import type { ByteSource, ImportBatch, ImportOptions, ImportRun } from "./types";

const FILE_LABEL = "BioSync CSV export";
/** The header that makes a file one of our CSV exports. */
export const BIOSYNC_CSV_IMPORT_COLUMNS = BIOSYNC_CSV_REQUIRED;

const isMetric = (value: string): value is Metric => Object.hasOwn(METRIC_UNITS, value);
const isProvider = (value: string): value is ProviderId => (PROVIDER_IDS as readonly string[]).includes(value);

/**
 * BioSync's own CSV export (server/health/exports/csv-format.ts): one sample per row, kept with its
 * source, device and UTC offset. A row that cannot be read is reported with its line and left out.
 */
export function parseBiosyncCsv(input: ByteSource, options: ImportOptions = {}): ImportRun {
  const tracker = new ImportTracker(options.totalBytes ?? null, options.maxErrors);
  return importRun(tracker, biosyncBatches(input, tracker, options));
}

async function* biosyncBatches(input: ByteSource, tracker: ImportTracker, options: ImportOptions): AsyncGenerator<ImportBatch> {
  const out = new BatchCollector(tracker, options.batchSize);
  // Equal readings are adjacent in an export (it sorts by time): the n-th copy stays an n-th reading.
  let previous = "";
  let occurrence = 0;
  for await (const { line, values } of csvRows(input, tracker, BIOSYNC_CSV_IMPORT_COLUMNS, FILE_LABEL)) {
    const fail = (column: string, message: string) => tracker.error({ line, recordType: column, message });
    const metric = values.metric ?? "";
    if (!isMetric(metric)) {
      fail("metric", `unknown metric "${metric}"`);
      continue;
    }
    if (values.unit !== METRIC_UNITS[metric]) {
      fail("unit", `${metric} is given in ${METRIC_UNITS[metric]}, not "${values.unit ?? ""}"`);
      continue;
    }
    const start = parseIsoAtOffset(values.start ?? "");
    if (!start) {
      fail("start", `invalid time "${values.start ?? ""}" (expected e.g. 2026-06-10T08:01:00+02:00)`);
      continue;
    }
    const end = parseIsoAtOffset(values.end ?? "");
    if (!end || end.ms < start.ms) {
      fail("end", end ? "the end comes before the start" : `invalid time "${values.end ?? ""}" (expected e.g. 2026-06-10T08:01:00+02:00)`);
      continue;
    }
    const value = numericCell(values.value);
    if (value === null || Number.isNaN(value)) {
      fail("value", value === null ? "no value" : `"${values.value}" is not a number`);
      continue;
    }
    const source = values.source ?? "";
    if (!isProvider(source)) {
      fail("source", `unknown source "${source}" (one of ${PROVIDER_IDS.join(", ")})`);
      continue;
    }
    const device = values.device || null;
    const key = `${metric}|${start.ms}|${end.ms}|${Math.fround(value)}|${source}|${start.offsetMinutes}`;
    occurrence = key === previous ? occurrence + 1 : 0;
    previous = key;
    out.sample({
      metric,
      source,
      device,
      sourceRecordId: `biosync-csv:${metric}:${start.ms}`,
      start: new Date(start.ms),
      end: new Date(end.ms),
      value,
      utcOffsetMinutes: start.offsetMinutes,
      timeZone: null,
      occurrence,
    });
    yield* out.drain();
  }
  out.cut();
  yield* out.drain();
}
