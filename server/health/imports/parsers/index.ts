import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { AppError } from "@/server/errors";
import { parseAppleHealthXml } from "./apple-health";
import { checkAppleHealthXml } from "./apple-health-check";
import { BIOSYNC_CSV_IMPORT_COLUMNS, parseBiosyncCsv } from "./biosync-csv";
import { checkAppleHealthZip, parseAppleHealthZip, parseAppleHealthZipStream, spoolToTempFile } from "./apple-health-zip";
import { FITBIT_DAILY_COLUMNS, parseFitbitDailyActivityCsv } from "./fitbit-daily-activity-csv";
import { detectRecordImport } from "../record-importers";
import { IMPORT_KINDS, type ByteSource, type ImportKind, type ImportOptions, type ImportRun } from "./types";
import { parseWhoopCyclesCsv, WHOOP_CYCLES_COLUMNS } from "./whoop-cycles-csv";

export { spoolToTempFile } from "./apple-health-zip";
export { listFitbitAccounts, type FitbitAccountSummary } from "./fitbit-daily-activity-csv";
export * from "./types";
export { SUPPORTED_FILES, UNSUPPORTED_FILE_MESSAGE } from "../supported-files";

/** How many leading bytes `detectImportKind` wants to see. */
export const DETECT_BYTES = 4096;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Recognizes an upload from its name and first bytes (≥ DETECT_BYTES when the file is that long). */
export function detectImportKind(filename: string, firstBytes: Uint8Array): ImportKind | "unknown" {
  const records = detectRecordImport(filename, firstBytes);
  if (records) return records;
  if (ZIP_MAGIC.every((byte, i) => firstBytes[i] === byte)) return "apple_zip";
  const text = new TextDecoder("utf-8", { fatal: false }).decode(firstBytes.subarray(0, DETECT_BYTES)).replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("<")) {
    const named = basename(filename).toLowerCase() === "export.xml";
    return text.includes("<HealthData") || text.includes("DOCTYPE HealthData") || named ? "apple_xml" : "unknown";
  }
  const header = new Set(csvHeader(text));
  return CSV_FORMATS.find(({ columns }) => columns.every((column) => header.has(column)))?.kind ?? "unknown";
}

/** A CSV is known by its full header: every column its parser requires (other WHOOP CSVs share some). */
const CSV_FORMATS: readonly { kind: ImportKind; columns: readonly string[] }[] = [
  { kind: "fitbit_daily_csv", columns: FITBIT_DAILY_COLUMNS },
  { kind: "whoop_cycles_csv", columns: WHOOP_CYCLES_COLUMNS },
  { kind: "biosync_csv", columns: BIOSYNC_CSV_IMPORT_COLUMNS },
];

function csvHeader(text: string): string[] {
  const line = text.split(/\r?\n/, 1)[0] ?? "";
  try {
    const [names] = parseCsv(line, { trim: true, relax_quotes: true }) as string[][];
    return names ?? [];
  } catch {
    return [];
  }
}

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** A file on disk (needed for random access into a zip; a zip stream is spooled to disk first) or a byte stream. */
export type ImportSource = ByteSource | { path: string };

function isFile(source: ImportSource): source is { path: string } {
  // An fs.ReadStream has a `path` too: anything iterable is read as the stream it is.
  return !(Symbol.asyncIterator in source) && typeof source.path === "string";
}

/**
 * One entry point for every file import. Batches come out as the consumer iterates `run.batches`;
 * `run.progress()`, `run.errors()` and `run.skipped()` can be read at any time during and after.
 */
export function parseImport(kind: ImportKind, source: ImportSource, options: ImportOptions = {}): ImportRun {
  if (kind === "apple_zip") {
    return isFile(source) ? parseAppleHealthZip(source.path, options) : parseAppleHealthZipStream(source, options);
  }
  let input: ByteSource;
  let totalBytes = options.totalBytes ?? null;
  if (isFile(source)) {
    totalBytes ??= statSync(source.path).size;
    input = createReadStream(source.path);
  } else input = source;
  const withSize = { ...options, totalBytes };
  switch (kind) {
    case "apple_xml":
      return parseAppleHealthXml(input, withSize);
    case "fitbit_daily_csv":
      return parseFitbitDailyActivityCsv(input, withSize);
    case "whoop_cycles_csv":
      return parseWhoopCyclesCsv(input, withSize);
    case "biosync_csv":
      return parseBiosyncCsv(input, withSize);
    default:
      throw AppError.badRequest(`Unsupported import kind "${String(kind)}".`);
  }
}

/** Kinds whose files must be read whole before anything is stored (see `checkImport`). */
export function needsStructuralCheck(kind: ImportKind): boolean {
  return kind === "apple_xml" || kind === "apple_zip";
}

/**
 * A pass over the whole file that stores nothing and throws a 400 when the file is structurally broken
 * (an export.xml cut off or with several roots): run before `parseImport`, so such a file keeps nothing.
 * CSVs need none: their header is checked before the first row, and a broken row is only that row.
 */
export async function checkImport(kind: ImportKind, source: ImportSource, onProgress?: (bytesRead: number, totalBytes: number | null) => Promise<void> | void): Promise<void> {
  if (kind === "apple_xml") {
    const size = isFile(source) ? statSync(source.path).size : null;
    await checkAppleHealthXml(isFile(source) ? createReadStream(source.path) : source, (bytesRead) => onProgress?.(bytesRead, size));
  } else if (kind === "apple_zip") {
    if (isFile(source)) return checkAppleHealthZip(source.path, onProgress);
    const file = await spoolToTempFile(source);
    try {
      await checkAppleHealthZip(file.path, onProgress);
    } finally {
      await file.remove();
    }
  }
}
