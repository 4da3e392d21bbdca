import { createHash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import yazl from "yazl";
import { z } from "zod";
import type { Database } from "@/db";
import type { UserDataTable } from "@/db/schema/registry";
import { syncedTables } from "@/db/sync-triggers";
import type { ExportContext, ExportWriter } from "@/server/health/exports/writers";
import { archiveColumns, archivedTables, tableNameOf } from "./columns";
import { csvLine } from "./csv";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, MANIFEST_ENTRY, ROWS_LAYOUT, tableEntryName, type ArchiveManifest, type ManifestTable } from "./format";
import { archiveRowPages } from "./table-walk";

export const archiveParams = z.strictObject({});
export type ArchiveParams = z.infer<typeof archiveParams>;

/** Writes to a file stream, waiting when its buffer is full. */
async function put(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

async function finish(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, "close");
}

/** One table's rows into its JSON and CSV files; returns its manifest line. */
async function spoolTable(db: Database, entry: UserDataTable, userId: string, dir: string): Promise<ManifestTable> {
  const name = tableNameOf(entry);
  const columns = archiveColumns(entry);
  const json = createWriteStream(join(dir, `${name}.json`));
  const csv = createWriteStream(join(dir, `${name}.csv`));
  const hash = createHash("sha256");
  const putJson = (text: string) => {
    hash.update(text);
    return put(json, text);
  };
  let rows = 0;
  try {
    await putJson("[");
    await put(csv, csvLine(columns.map((c) => c.field)));
    for await (const page of archiveRowPages(db, entry, userId)) {
      for (const row of page) {
        await putJson(`${rows === 0 ? "" : ","}\n${JSON.stringify(row)}`);
        await put(csv, csvLine(columns.map((c) => row[c.field])));
        rows++;
      }
    }
    await putJson("\n]\n");
  } finally {
    await Promise.all([finish(json), finish(csv)]);
  }
  return { name, rows, columns: columns.map((c) => c.field), decrypted: columns.filter((c) => c.encrypted).map((c) => c.field), sha256: hash.digest("hex") };
}

/**
 * The user's rows of these tables (every registry table with export "rows" by default). Tables are
 * written to a temporary folder first (bounded memory, and the manifest that leads the zip knows
 * each table's row count and hash from the very rows written), then zipped as a stream.
 */
export async function* writeArchive(db: Database, context: ExportContext<ArchiveParams>, tables: readonly UserDataTable[] = archivedTables()): AsyncGenerator<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "biosync-archive-"));
  try {
    const total = tables.length + 1;
    const exportedAt = new Date().toISOString();
    const written: ManifestTable[] = [];
    for (const entry of tables) {
      written.push(await spoolTable(db, entry, context.userId, dir));
      await context.progress(written.length, total);
    }
    const manifest: ArchiveManifest = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt, userId: context.userId, layout: ROWS_LAYOUT, tables: written };
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST_ENTRY);
    for (const table of written) {
      zip.addFile(join(dir, `${table.name}.json`), tableEntryName(table.name, "json"));
      zip.addFile(join(dir, `${table.name}.csv`), tableEntryName(table.name, "csv"));
    }
    zip.end();
    for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) yield chunk;
    await context.progress(total, total);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const archiveWriter: ExportWriter<ArchiveParams> = {
  kind: "archive",
  params: archiveParams,
  filename: (_params, now) => `biosync-archive-${now.toISOString().slice(0, 10)}.zip`,
  contentType: "application/zip",
  write: (db, context) => writeArchive(db, context),
};

/**
 * The synced state alone (the registry's `sync: true` tables): the same archive format, so the same
 * importer restores it into a new account, and a device's copy can be rebuilt from it by a pull.
 */
export const syncSnapshotWriter: ExportWriter<ArchiveParams> = {
  ...archiveWriter,
  kind: "sync-snapshot",
  filename: (_params, now) => `biosync-synced-state-${now.toISOString().slice(0, 10)}.zip`,
  write: (db, context) => writeArchive(db, context, archivedTables(syncedTables())),
};
