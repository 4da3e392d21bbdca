import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import { AppError } from "@/server/errors";
import { AppleExportReader } from "./apple-health-records";
import { BatchCollector } from "./batch-collector";
import { ImportTracker, importRun } from "./import-tracker";
import type { ByteSource, ImportBatch, ImportOptions, ImportRun } from "./types";

/**
 * Parses an Apple Health `export.xml` as a stream: records become samples, workouts, daily totals and
 * (at the end of the file) sleep sessions, handed out in batches as the consumer pulls them.
 */
export function parseAppleHealthXml(input: ByteSource, options: ImportOptions = {}): ImportRun {
  const tracker = new ImportTracker(options.totalBytes ?? null, options.maxErrors);
  return importRun(tracker, appleHealthBatches(input, tracker, options));
}

export async function* appleHealthBatches(input: ByteSource, tracker: ImportTracker, options: ImportOptions): AsyncGenerator<ImportBatch> {
  const out = new BatchCollector(tracker, options.batchSize);
  const parser = new SaxesParser({ position: true });
  const reader = new AppleExportReader(parser, out, tracker);
  const decoder = new StringDecoder("utf8");
  for await (const chunk of input) {
    if (typeof chunk === "string") {
      tracker.bytesRead += Buffer.byteLength(chunk);
      parser.write(chunk);
    } else {
      tracker.bytesRead += chunk.byteLength;
      // The decoder keeps a UTF-8 sequence split across two chunks whole.
      parser.write(decoder.write(chunk));
    }
    yield* out.drain();
  }
  parser.write(decoder.end());
  parser.close();
  if (!reader.sawHealthData) throw AppError.badRequest("This is not an Apple Health export: no <HealthData> element.");
  reader.finish();
  out.cut();
  yield* out.drain();
}
