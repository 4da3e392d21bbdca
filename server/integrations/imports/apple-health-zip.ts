import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import { AppError } from "@/server/errors";
import { appleHealthBatches } from "./apple-health";
import { ImportTracker, importRun } from "./import-tracker";
import type { ByteSource, ImportBatch, ImportOptions, ImportRun } from "./types";

/** `apple_health_export/export.xml` (the folder name is localized; `export_cda.xml` is clinical data, not this). */
function isExportXml(fileName: string): boolean {
  return fileName === "export.xml" || fileName.endsWith("/export.xml");
}

/**
 * Parses the export zip Apple's Health app shares. The zip directory sits at the end of the file, so the
 * zip is read from disk (random access); `export.xml` is inflated and parsed as a stream, never held whole.
 */
export function parseAppleHealthZip(zipPath: string, options: ImportOptions = {}): ImportRun {
  const tracker = new ImportTracker(null, options.maxErrors);
  return importRun(tracker, zipBatches(zipPath, tracker, options));
}

/** Same as parseAppleHealthZip for a zip that arrives as a stream: it is first written to a temporary file. */
export function parseAppleHealthZipStream(input: ByteSource, options: ImportOptions = {}): ImportRun {
  const tracker = new ImportTracker(null, options.maxErrors);
  async function* spooled(): AsyncGenerator<ImportBatch> {
    const dir = await mkdtemp(join(tmpdir(), "biosync-import-"));
    try {
      const zipPath = join(dir, `${randomUUID()}.zip`);
      await pipeline(input, createWriteStream(zipPath));
      yield* zipBatches(zipPath, tracker, options);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return importRun(tracker, spooled());
}

async function* zipBatches(zipPath: string, tracker: ImportTracker, options: ImportOptions): AsyncGenerator<ImportBatch> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw new AppError("BAD_REQUEST", "This file is not a readable zip archive.", { cause: error });
  }
  try {
    let found: yauzl.Entry | null = null;
    for await (const entry of zip.eachEntry()) {
      if (isExportXml(entry.fileName)) {
        found = entry;
        break;
      }
    }
    if (!found) throw AppError.badRequest("The zip holds no apple_health_export/export.xml.");
    tracker.totalBytes = found.uncompressedSize;
    const xml = await zip.openReadStreamPromise(found);
    yield* appleHealthBatches(xml, tracker, options);
  } finally {
    // The open entry stream keeps the file open until it ends; this only drops the zip's own hold.
    zip.close();
  }
}
