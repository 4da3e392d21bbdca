import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { insertJsonRecords } from "@/db/upsert";
import { userDataTables, type UserDataTable } from "@/db/schema/registry";
import { AppError } from "@/server/errors";
import type { RecordImporter, RecordImportInput, RecordImportResult } from "@/server/health/imports/record-importers";
import { tableNameOf } from "./columns";
import { MANIFEST_ENTRY, type ArchiveManifest, type ManifestTable } from "./format";
import { importPlan, remapRow, type RemapContext, type TablePlan } from "./import-plan";
import { archiveRefused, openArchive, type OpenedArchive } from "./reader";
import { ownedBy, type ArchiveRow } from "./table-walk";

/** Rows per insert (one statement each, so one transaction per chunk), and their JSON size at most. */
const CHUNK_ROWS = 500;
const CHUNK_CHARS = 4 * 1024 * 1024;
/** Settings tables are replaced in one transaction at the end, read whole: they hold a few rows a user. */
const MAX_SETTINGS_ROWS = 1000;

interface PlannedTable {
  plan: TablePlan;
  manifest: ManifestTable;
}

/** The manifest's tables against the schema of today: known, exported tables; known fields; none required missing. */
function planTables(manifest: ArchiveManifest): PlannedTable[] {
  return manifest.tables.map((table) => {
    const entry = userDataTables.find((e) => tableNameOf(e) === table.name && e.export === "rows");
    if (!entry) throw archiveRefused(`it holds a table BioSync does not export ("${table.name}")`);
    const plan = importPlan(entry);
    const unknown = table.columns.find((field) => !plan.columns.has(field));
    if (unknown) throw archiveRefused(`${table.name} has a column BioSync does not know ("${unknown}")`);
    if (new Set(table.columns).size !== table.columns.length) throw archiveRefused(`${table.name} lists a column twice`);
    const decrypted = [...plan.columns.values()].filter((c) => c.encrypted && table.columns.includes(c.field)).map((c) => c.field);
    if (decrypted.sort().join() !== [...table.decrypted].sort().join()) throw archiveRefused(`${table.name} does not say which of its columns were decrypted as BioSync does`);
    const missing = [...plan.columns.values()].find((c) => c.required && !table.columns.includes(c.field));
    if (missing && entry.import !== "none") throw archiveRefused(`${table.name} lacks its column "${missing.field}"`);
    return { plan, manifest: table };
  });
}

/** Parents before the tables that reference them. */
function inDependencyOrder(tables: PlannedTable[]): PlannedTable[] {
  const done = new Set<string>();
  const out: PlannedTable[] = [];
  const pending = [...tables];
  while (pending.length) {
    const index = pending.findIndex((t) => [...t.plan.dependsOn].every((name) => done.has(name) || !pending.some((p) => p.plan.name === name)));
    if (index < 0) throw new Error(`the imported tables reference each other in a cycle: ${pending.map((t) => t.plan.name).join(", ")}`);
    const [next] = pending.splice(index, 1);
    done.add(next!.plan.name);
    out.push(next!);
  }
  return out;
}

const rowTables = () => userDataTables.filter((e) => e.import === "rows");

/** 409 unless the account holds no health data: an archive goes into an empty account only. */
async function refuseUnlessEmpty(db: Database, userId: string): Promise<void> {
  for (const entry of rowTables()) {
    const [row] = await db.select({ one: sql`1` }).from(entry.table).where(ownedBy(db, entry, userId)).limit(1);
    if (row) {
      throw AppError.conflict(
        "This account already holds health data, and a BioSync archive is imported only into an empty account. Create a new account for it, or delete this one's data first.",
      );
    }
  }
}

/** A constraint or data error of the database while inserting the archive's rows: the archive is at fault. */
function databaseRefusal(table: string, error: unknown): AppError | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^2[23]/.test(code)) return archiveRefused(`a row of ${table} does not fit (${e.message})`, error);
  }
  return null;
}

/** Inserts rows rendered as the archive holds them; Postgres turns each JSON value back into its column's type. */
export const insertStatement = (entry: UserDataTable, columns: string[], rows: ArchiveRow[]) => insertJsonRecords(entry.table, columns, rows);

/** Progress over the upload's bytes: checking every row is the first half, writing them the second. */
function progressOf(input: RecordImportInput, totalRows: number) {
  const half = (rows: number) => (totalRows ? rows / totalRows : 1) / 2;
  const at = (fraction: number, items: number) => input.progress({ bytesRead: Math.round(fraction * input.sizeBytes), items, errorCount: 0 });
  return { checked: (rows: number) => at(half(rows), 0), written: (rows: number) => at(0.5 + half(rows), rows) };
}

interface Written {
  rows: number;
  report(rows: number): Promise<void>;
}

async function insertTable(db: Database, archive: OpenedArchive, table: PlannedTable, context: RemapContext, written: Written): Promise<void> {
  const columns = table.manifest.columns.map((field) => table.plan.columns.get(field)!.sqlName);
  let chunk: ArchiveRow[] = [];
  let chars = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    try {
      await db.execute(insertStatement(table.plan.entry, columns, chunk));
    } catch (error) {
      throw databaseRefusal(table.plan.name, error) ?? error;
    }
    written.rows += chunk.length;
    chunk = [];
    chars = 0;
    await written.report(written.rows);
  };
  for await (const row of archive.rows(table.manifest)) {
    const remapped = remapRow(table.plan, row, context);
    chunk.push(remapped);
    chars += JSON.stringify(remapped).length;
    if (chunk.length >= CHUNK_ROWS || chars >= CHUNK_CHARS) await flush();
  }
  await flush();
}

/** Settings tables replaced and the account's own row updated, together. */
async function replaceSettings(db: Database, archive: OpenedArchive, tables: PlannedTable[], context: RemapContext): Promise<number> {
  const loaded: { table: PlannedTable; rows: ArchiveRow[] }[] = [];
  for (const table of tables) {
    const rows: ArchiveRow[] = [];
    for await (const row of archive.rows(table.manifest)) {
      if (rows.length >= MAX_SETTINGS_ROWS) throw archiveRefused(`${table.plan.name} holds more rows than settings do`);
      rows.push(remapRow(table.plan, row, context));
    }
    loaded.push({ table, rows });
  }
  let count = 0;
  await db.transaction(async (tx) => {
    for (const { table, rows } of loaded) {
      const { entry } = table.plan;
      const rule = entry.import;
      if (rule === "replace") {
        await tx.delete(entry.table).where(ownedBy(tx as unknown as Database, entry, context.toUser));
        if (rows.length) await tx.execute(insertStatement(entry, table.manifest.columns.map((f) => table.plan.columns.get(f)!.sqlName), rows));
        count += rows.length;
      } else if (typeof rule === "object" && rows.length) {
        if (rows.length !== 1) throw archiveRefused(`${table.plan.name} holds ${rows.length} rows where one belongs`);
        const names = rule.update.map((c) => c.name).filter((name) => table.manifest.columns.includes(name));
        if (!names.length) continue;
        const list = sql.join(
          names.map((n) => sql.identifier(n)),
          sql`, `,
        );
        await tx.execute(
          sql`update ${entry.table} set (${list}) = (select ${list} from jsonb_populate_record(null::${entry.table}, ${JSON.stringify(rows[0])}::jsonb)) where ${eq(entry.owner, context.toUser)}`,
        );
        count++;
      }
    }
  });
  return count;
}

/** Deletes what a failed import wrote (the account held none of these rows before: refuseUnlessEmpty). */
async function removeImported(db: Database, tables: PlannedTable[], userId: string): Promise<void> {
  for (const { plan } of [...tables].reverse()) await db.delete(plan.entry.table).where(ownedBy(db, plan.entry, userId));
}

/**
 * Imports an archive into an empty account: the whole archive is read and checked first (manifest,
 * every row's fields, counts, SHA-256 per table), then each "rows" table is inserted in chunks,
 * parents first, with new ids; settings and the name come last, in one transaction. A failure
 * removes what was written, so a broken archive leaves nothing behind.
 */
export async function importArchive(db: Database, input: RecordImportInput): Promise<RecordImportResult> {
  const archive = await openArchive(await input.file());
  try {
    const planned = planTables(archive.manifest);
    await refuseUnlessEmpty(db, input.userId);
    const progress = progressOf(input, planned.reduce((sum, t) => sum + t.manifest.rows, 0));
    let checked = 0;
    for (const table of planned) {
      for await (const _row of archive.rows(table.manifest)) if (++checked % CHUNK_ROWS === 0) await progress.checked(checked);
    }
    const context: RemapContext = {
      fromUser: archive.manifest.userId,
      toUser: input.userId,
      refuse: (message) => {
        throw archiveRefused(message);
      },
    };
    const written: Written = { rows: 0, report: progress.written };
    const inserted: PlannedTable[] = [];
    let settings = 0;
    try {
      for (const table of inDependencyOrder(planned.filter((t) => t.plan.entry.import === "rows"))) {
        inserted.push(table);
        await insertTable(db, archive, table, context, written);
      }
      settings = await replaceSettings(
        db,
        archive,
        planned.filter((t) => t.plan.entry.import === "replace" || typeof t.plan.entry.import === "object"),
        context,
      );
    } catch (error) {
      await removeImported(db, inserted, input.userId);
      throw error instanceof AppError ? error : (databaseRefusal("the settings", error) ?? error);
    }
    return { items: written.rows + settings, skipped: 0, errors: [], errorCount: 0 };
  } finally {
    archive.close();
  }
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** A zip whose first entry is the manifest: the name sits at offset 30 of the first local file header. */
export function isBiosyncArchive(firstBytes: Uint8Array): boolean {
  if (!ZIP_LOCAL_HEADER.every((byte, i) => firstBytes[i] === byte) || firstBytes.length < 30 + MANIFEST_ENTRY.length) return false;
  const nameLength = firstBytes[26]! | (firstBytes[27]! << 8);
  return nameLength === MANIFEST_ENTRY.length && Buffer.from(firstBytes.subarray(30, 30 + nameLength)).toString("latin1") === MANIFEST_ENTRY;
}

export const archiveImporter: RecordImporter = {
  detect: (_filename, firstBytes) => isBiosyncArchive(firstBytes),
  run: importArchive,
  resultHref: "/dashboard",
  carriesInsights: true,
};
