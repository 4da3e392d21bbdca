import { Transform, pipeline } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { AppError } from "@/server/errors";
import type { ImportTracker } from "./import-tracker";
import type { ByteSource } from "./types";

export interface CsvRow {
  /** 1-based line of the row in the file. */
  line: number;
  values: Readonly<Record<string, string>>;
}

interface ParsedRecord {
  record: Record<string, string>;
  info: { lines: number };
}

export interface CsvOptions {
  /** Other names of columns (an export in another language) → the name the rows are keyed by. */
  aliases?: Readonly<Record<string, string>>;
}

/** A header cell as rows are keyed by: trimmed, in NFC (an accent may arrive decomposed), its alias resolved. */
export function columnName(cell: string, options: CsvOptions = {}): string {
  const name = cell.trim().normalize("NFC");
  return options.aliases?.[name] ?? name;
}

/**
 * Streams the rows of a CSV with a header line as objects keyed by (trimmed) column name. Rows that cannot
 * be parsed (wrong column count, broken quoting) become row errors; a header that lacks `requiredColumns`
 * rejects the whole file.
 */
export async function* csvRows(input: ByteSource, tracker: ImportTracker, requiredColumns: readonly string[], fileLabel: string, options: CsvOptions = {}): AsyncGenerator<CsvRow> {
  const countBytes = new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      tracker.bytesRead += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
      callback(null, chunk);
    },
  });
  const parser = parse({
    bom: true,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    columns: (header: string[]) => {
      const names = header.map((name) => columnName(name, options));
      const missing = requiredColumns.filter((column) => !names.includes(column));
      if (missing.length > 0) {
        throw AppError.badRequest(`This is not a ${fileLabel}: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.`);
      }
      return names;
    },
  });
  parser.on("skip", (error: CsvError) => {
    const line = typeof error.lines === "number" ? error.lines : undefined;
    tracker.error({ line, recordType: "row", message: error.message });
  });
  // Errors reach the consumer through the parser's iterator; the callback only has to exist.
  pipeline(input, countBytes, parser, () => undefined);
  for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
    yield { line: info.lines, values: record };
  }
}

/** A trimmed cell as a finite number; null for an empty cell; NaN when it is not a number. */
export function numericCell(text: string | undefined): number | null {
  if (text === undefined || text === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}
