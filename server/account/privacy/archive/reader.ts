import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import yauzl from "yauzl";
import { AppError } from "@/server/errors";
import { MANIFEST_ENTRY, manifestSchema, tableEntryName, type ArchiveManifest, type ManifestTable } from "./format";
import type { ArchiveRow } from "./table-walk";

const MAX_MANIFEST_BYTES = 1024 * 1024;

/** A broken or altered archive: a 400 naming the upload's file field. */
export function archiveRefused(reason: string, cause?: unknown): AppError {
  const message = `This BioSync archive cannot be imported: ${reason}.`;
  return new AppError("BAD_REQUEST", message, { fields: [{ path: "file", message }], cause });
}

export interface OpenedArchive {
  manifest: ArchiveManifest;
  /** The rows of a table's JSON entry in order, checked against its manifest line (count, fields, SHA-256). */
  rows(table: ManifestTable): AsyncGenerator<ArchiveRow>;
  close(): void;
}

async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      throw archiveRefused("its manifest is too large");
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** Lines of a byte stream (UTF-8), hashing the bytes as they pass. */
async function* lines(stream: Readable, hash: ReturnType<typeof createHash>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    const text = rest + decoder.write(chunk);
    const parts = text.split("\n");
    rest = parts.pop()!;
    yield* parts;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

/**
 * Opens an archive written by writer.ts: the manifest must be the first entry and valid, and the
 * zip must hold exactly the manifest and each listed table's JSON and CSV entries.
 */
export async function openArchive(path: string): Promise<OpenedArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw archiveRefused("it is not a readable zip file", error);
  }
  try {
    const entries = new Map<string, yauzl.Entry>();
    let first: string | null = null;
    for await (const entry of zip.eachEntry()) {
      first ??= entry.fileName;
      if (entries.has(entry.fileName)) throw archiveRefused(`it holds ${entry.fileName} twice`);
      entries.set(entry.fileName, entry);
    }
    if (first !== MANIFEST_ENTRY) throw archiveRefused(`its first entry is not ${MANIFEST_ENTRY}`);
    const text = (await readAll(await zip.openReadStreamPromise(entries.get(MANIFEST_ENTRY)!), MAX_MANIFEST_BYTES)).toString("utf8");
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw archiveRefused("its manifest is not JSON", error);
    }
    const checked = manifestSchema.safeParse(parsed);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw archiveRefused(`its manifest is not one BioSync writes (${issue.path.join(".") || "manifest"}: ${issue.message})`);
    }
    const manifest = checked.data;
    const expected = new Set([MANIFEST_ENTRY]);
    for (const table of manifest.tables) {
      for (const ext of ["json", "csv"] as const) {
        const name = tableEntryName(table.name, ext);
        if (expected.has(name)) throw archiveRefused(`its manifest lists ${table.name} twice`);
        if (!entries.has(name)) throw archiveRefused(`${name} is missing`);
        expected.add(name);
      }
    }
    const unknown = [...entries.keys()].find((name) => !expected.has(name));
    if (unknown) throw archiveRefused(`it holds ${unknown}, which its manifest does not list`);

    async function* rows(table: ManifestTable): AsyncGenerator<ArchiveRow> {
      const name = tableEntryName(table.name, "json");
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entries.get(name)!);
      } catch (error) {
        throw archiveRefused(`${name} cannot be read`, error);
      }
      const hash = createHash("sha256");
      const fields = new Set(table.columns);
      let count = 0;
      let state: "start" | "rows" | "end" = "start";
      try {
        for await (const line of lines(stream, hash)) {
          if (state === "start") {
            if (line !== "[") throw archiveRefused(`${name} does not start as BioSync writes it`);
            state = "rows";
          } else if (state === "end") {
            if (line !== "") throw archiveRefused(`${name} goes on after its end`);
          } else if (line === "]") {
            state = "end";
          } else {
            let row: unknown;
            try {
              row = JSON.parse(line.endsWith(",") ? line.slice(0, -1) : line);
            } catch (error) {
              throw archiveRefused(`${name} row ${count + 1} is not JSON`, error);
            }
            if (!row || typeof row !== "object" || Array.isArray(row)) throw archiveRefused(`${name} row ${count + 1} is not an object`);
            const keys = Object.keys(row);
            if (keys.length !== fields.size || keys.some((k) => !fields.has(k))) throw archiveRefused(`${name} row ${count + 1} does not have the manifest's columns`);
            count++;
            if (count > table.rows) throw archiveRefused(`${name} holds more rows than its manifest says (${table.rows})`);
            yield row as ArchiveRow;
          }
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw archiveRefused(`${name} is damaged`, error);
      } finally {
        stream.destroy();
      }
      if (state !== "end") throw archiveRefused(`${name} is cut off`);
      if (count !== table.rows) throw archiveRefused(`${name} holds ${count} rows where its manifest says ${table.rows}`);
      if (hash.digest("hex") !== table.sha256) throw archiveRefused(`${name} is not the file that was exported (its SHA-256 differs)`);
    }

    return { manifest, rows, close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}
