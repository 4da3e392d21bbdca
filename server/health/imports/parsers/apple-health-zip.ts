import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import { AppError } from "@/server/errors";
import { appleHealthBatches } from "./apple-health";
import { checkAppleHealthXml } from "./apple-health-check";
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

/** A byte stream written to a temporary file (a zip needs random access); `remove` deletes it. */
export async function spoolToTempFile(input: ByteSource): Promise<{ path: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "biosync-import-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const path = join(dir, `${randomUUID()}.zip`);
    await pipeline(input, createWriteStream(path));
    return { path, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Same as parseAppleHealthZip for a zip that arrives as a stream: it is first written to a temporary file. */
export function parseAppleHealthZipStream(input: ByteSource, options: ImportOptions = {}): ImportRun {
  const tracker = new ImportTracker(null, options.maxErrors);
  async function* spooled(): AsyncGenerator<ImportBatch> {
    const file = await spoolToTempFile(input);
    try {
      yield* zipBatches(file.path, tracker, options);
    } finally {
      await file.remove();
    }
  }
  return importRun(tracker, spooled());
}

interface ExportXmlEntry {
  xml: Readable;
  uncompressedSize: number;
  /** Drops the zip's own hold on the file (the open entry stream keeps it open until it ends). */
  close: () => void;
}

async function openExportXml(zipPath: string): Promise<ExportXmlEntry> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw new AppError("BAD_REQUEST", "This file is not a readable zip archive.", { cause: error });
  }
  try {
    for await (const entry of zip.eachEntry()) {
      if (isExportXml(entry.fileName)) return { xml: await zip.openReadStreamPromise(entry), uncompressedSize: entry.uncompressedSize, close: () => zip.close() };
    }
  } catch (error) {
    zip.close();
    throw new AppError("BAD_REQUEST", "This zip archive is damaged and cannot be read.", { cause: error });
  }
  zip.close();
  throw AppError.badRequest("The zip holds no apple_health_export/export.xml.");
}

async function* zipBatches(zipPath: string, tracker: ImportTracker, options: ImportOptions): AsyncGenerator<ImportBatch> {
  const entry = await openExportXml(zipPath);
  try {
    tracker.totalBytes = entry.uncompressedSize;
    yield* appleHealthBatches(entry.xml, tracker, options);
  } finally {
    entry.close();
  }
}

/** The structural check of `checkAppleHealthXml` for the export.xml inside a zip on disk. */
export async function checkAppleHealthZip(zipPath: string, onProgress?: (bytesRead: number, totalBytes: number) => Promise<void> | void): Promise<void> {
  const entry = await openExportXml(zipPath);
  try {
    await checkAppleHealthXml(entry.xml, (bytesRead) => onProgress?.(bytesRead, entry.uncompressedSize));
  } finally {
    entry.close();
  }
}
