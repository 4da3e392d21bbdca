import { getTableName } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import yauzl from "yauzl";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db";
import { fileImports, users } from "@/db/schema";
import { userDataTables } from "@/db/schema/registry";
import { withTestDb } from "@/db/testing";
import { findUserByEmail } from "@/server/account/auth/users";
import { AppError } from "@/server/errors";
import { setDemoTransport } from "@/server/health/demo/feed";
import { receiveUpload } from "@/server/health/imports/file-imports";
import { detectImportKind } from "@/server/health/imports/parsers";
import { webhookSigners } from "@/server/health/providers/testing/webhook-signing";
import { drainJobs } from "@/server/platform/jobs/runner";
import { demoTransportThroughRoute, populateUser, worldOf, type PopulatedUser } from "@/server/security/testing/populated-user";
import { digest, rowsOwnedBy, withoutSyncBookkeeping } from "@/server/security/testing/registry-rows";
import type { SessionUser } from "@/server/trpc";
import { callerFor } from "@/server/testing";
import { createUser } from "@/server/account/auth/users";
import yazl from "yazl";
import { createHash } from "node:crypto";
import { archivedTables } from "./columns";
import { archiveRowPages } from "./table-walk";
import { MANIFEST_ENTRY, manifestSchema, type ArchiveManifest } from "./format";
import { importArchive } from "./import";
import { expectEqualAfterImport } from "./testing/registry-compare";
import { archiveWriter, syncSnapshotWriter } from "./writer";
import { syncedTables } from "@/db/sync-triggers";

const state = vi.hoisted(() => ({ handle: null as DbHandle | null, user: null as SessionUser | null }));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => state.handle!.db, getDbHandle: async () => state.handle }));
vi.mock("@/server/account/auth/current-user", () => ({ getSessionUser: async () => state.user }));

const handle = withTestDb({ inProcessJobs: true });
const world = worldOf(handle, state);

let a: PopulatedUser;
let archive: Buffer;
const progress: [number, number | null][] = [];
let scratch: string;

async function* pieces(bytes: Buffer, size = 256 * 1024): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function register(label: string): Promise<string> {
  const email = `${label}@archive.example`;
  await callerFor(handle.db, null).auth.register({ email, password: `Archive-${label}-passphrase-7`, name: `Fresh ${label}` });
  return (await findUserByEmail(handle.db, email))!.id;
}

/** Imports bytes for a user straight through the importer (the job's path without its upload). */
async function importBytes(userId: string, bytes: Buffer) {
  const path = join(scratch, `${Math.random().toString(36).slice(2)}.zip`);
  await writeFile(path, bytes);
  return importArchive(handle.db, { userId, timeZone: "UTC", sizeBytes: bytes.length, bytes: () => pieces(bytes), file: async () => path, progress: async () => {} });
}

beforeAll(async () => {
  for (const signer of Object.values(webhookSigners)) for (const [name, value] of Object.entries(signer.env)) vi.stubEnv(name, value);
  state.handle = handle.handle;
  scratch = await mkdtemp(join(tmpdir(), "archive-test-"));
  setDemoTransport(demoTransportThroughRoute);
  a = await populateUser(world, { label: "archie", ip: "198.51.100.21", fitbitAccountId: "1503960366", heightCm: 172 });
  // The last debounced recompute of A runs before the export, so A's rows stay as exported.
  await drainJobs(handle.db, { timeoutMs: 120_000 });
  const parts: Uint8Array[] = [];
  for await (const part of archiveWriter.write(handle.db, { userId: a.session.id, params: {}, timeZone: "Europe/Berlin", progress: async (done, total) => void progress.push([done, total]) })) parts.push(Buffer.from(part));
  archive = Buffer.concat(parts);
}, 400_000);

afterAll(async () => {
  setDemoTransport(null);
  vi.unstubAllEnvs();
  await rm(scratch, { recursive: true, force: true });
});

describe("the archive of all a user's data", () => {
  it("leads with its manifest, holds JSON and CSV of every exported table, and reports progress per table", async () => {
    expect(detectImportKind("anything.zip", archive.subarray(0, 4096))).toBe("biosync_archive");
    const zip = await yauzl.fromBufferPromise(archive, { lazyEntries: true });
    const names: string[] = [];
    const texts = new Map<string, string>();
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
      if (entry.fileName === MANIFEST_ENTRY || entry.fileName === "tables/sleep_sessions.csv") {
        let text = "";
        for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) text += chunk.toString("utf8");
        texts.set(entry.fileName, text);
      }
    }
    zip.close();
    const manifest = manifestSchema.parse(JSON.parse(texts.get(MANIFEST_ENTRY)!));
    const [header, ...csvRows] = parse(texts.get("tables/sleep_sessions.csv")!) as string[][];
    const sleep = manifest.tables.find((t) => t.name === "sleep_sessions")!;
    expect(header).toEqual(sleep.columns);
    expect(csvRows).toHaveLength(sleep.rows);
    expect(JSON.parse(csvRows[0]![header!.indexOf("stages")]!)).toBeInstanceOf(Array);
    const exported = archivedTables().map((e) => getTableName(e.table));
    expect(names[0]).toBe(MANIFEST_ENTRY);
    expect(names.slice(1)).toEqual(exported.flatMap((t) => [`tables/${t}.json`, `tables/${t}.csv`]));
    expect(manifest.userId).toBe(a.session.id);
    const owned = await rowsOwnedBy(handle.db, a.session.id);
    for (const table of manifest.tables) expect(table.rows, table.name).toBe(owned.get(table.name)!.length);
    expect(manifest.tables.find((t) => t.name === "users")!.columns).not.toContain("password_hash");
    expect(manifest.tables.find((t) => t.name === "provider_connections")!.columns).not.toContain("access_token_enc");
    expect(progress.at(-1)).toEqual([exported.length + 1, exported.length + 1]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((x, y) => x - y));
  });

  it("decrypts a *_enc column into the user's copy (the authenticator secret, were it not left out)", async () => {
    const totp = { ...userDataTables.find((e) => getTableName(e.table) === "two_factor_totp")!, exportOmit: [] };
    const pages = [];
    for await (const page of archiveRowPages(handle.db, totp, a.session.id)) pages.push(...page);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.secret).toMatch(/^[A-Z2-7]{16,}=*$/);
    expect(pages[0]).not.toHaveProperty("secret_enc");
  });

  it("imported through the upload and its job into a new account, gives back every importable table row by row, ids remapped", async () => {
    const b = await register("bea");
    const { import: queued } = await receiveUpload(handle.db, { userId: b, filename: "biosync-archive.zip", body: pieces(archive) });
    expect(queued.kind).toBe("biosync_archive");
    await drainJobs(handle.db, { timeoutMs: 120_000 });
    const [done] = await handle.db.select().from(fileImports).where(eq(fileImports.id, queued.id));
    expect(done, done?.error ?? "").toMatchObject({ status: "succeeded", errorCount: 0 });
    const compared = await expectEqualAfterImport(handle.db, a.session.id, b);
    expect(compared.tables).toBe(userDataTables.filter((e) => e.import !== "none").length);
    expect(done!.itemsImported).toBe(compared.rows);
    const [user] = await handle.db.select().from(users).where(eq(users.id, b));
    expect(user).toMatchObject({ name: a.name, email: "bea@archive.example" });

    // The account holds health data now: a second archive is refused.
    const again = await importBytes(b, archive).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).status).toBe(409);
    expect((again as AppError).message).toMatch(/imported only into an empty account/);
  });
});

describe("the snapshot of the synced state", () => {
  it("holds the synced tables alone and, imported into a new account, gives back each of their rows", async () => {
    const parts: Uint8Array[] = [];
    for await (const part of syncSnapshotWriter.write(handle.db, { userId: a.session.id, params: {}, timeZone: "UTC", progress: async () => {} })) parts.push(Buffer.from(part));
    const snapshot = Buffer.concat(parts);
    const manifest = manifestSchema.parse(JSON.parse((await entriesOf(snapshot)).find((e) => e.name === MANIFEST_ENTRY)!.data.toString("utf8")));
    const synced = archivedTables(syncedTables());
    expect(manifest.tables.map((t) => t.name)).toEqual(synced.map((e) => getTableName(e.table)));
    expect(manifest.tables.find((t) => t.name === "journal_entries")!.rows).toBeGreaterThan(0);

    const c = await register("cyd");
    const result = await importBytes(c, snapshot);
    const compared = await expectEqualAfterImport(handle.db, a.session.id, c, synced);
    expect(compared.tables).toBe(synced.filter((e) => e.import !== "none").length);
    expect(result.items).toBe(compared.rows);
  });
});

interface Entry {
  name: string;
  data: Buffer;
}

async function entriesOf(bytes: Buffer): Promise<Entry[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const out: Entry[] = [];
  for await (const entry of zip.eachEntry()) {
    const parts: Buffer[] = [];
    for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) parts.push(chunk);
    out.push({ name: entry.fileName, data: Buffer.concat(parts) });
  }
  zip.close();
  return out;
}

async function zipOf(entries: Entry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name);
  zip.end();
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) parts.push(chunk);
  return Buffer.concat(parts);
}

/** The archive with its entries edited; `manifest` edits the parsed manifest (written back in place). */
async function altered(edit: { entries?: (entries: Entry[]) => void; manifest?: (manifest: ArchiveManifest, entries: Entry[]) => void }): Promise<Buffer> {
  const entries = await entriesOf(archive);
  edit.entries?.(entries);
  const head = entries.find((e) => e.name === MANIFEST_ENTRY)!;
  if (edit.manifest) {
    const manifest = JSON.parse(head.data.toString("utf8")) as ArchiveManifest;
    edit.manifest(manifest, entries);
    head.data = Buffer.from(JSON.stringify(manifest));
  }
  return zipOf(entries);
}

const entry = (entries: Entry[], name: string) => entries.find((e) => e.name === name)!;
const tableOf = (manifest: ArchiveManifest, name: string) => manifest.tables.find((t) => t.name === name)!;

describe("a broken or altered archive", () => {
  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    ["cut off halfway", async () => archive.subarray(0, Math.floor(archive.length / 2)), /not a readable zip/],
    ["without its manifest first", () => altered({ entries: (e) => e.push(e.shift()!) }), /first entry is not/],
    ["with a row count the table does not have", () => altered({ manifest: (m) => void tableOf(m, "daily_summaries").rows++ }), /daily_summaries.json holds \d+ rows where its manifest says/],
    ["with a table BioSync does not export", () => altered({ manifest: (m) => void m.tables.push({ ...tableOf(m, "workouts"), name: "auth_tokens" }), entries: (e) => e.push({ name: "tables/auth_tokens.json", data: entry(e, "tables/workouts.json").data }, { name: "tables/auth_tokens.csv", data: Buffer.from("") }) }), /does not export \("auth_tokens"\)/],
    ["with a column BioSync does not know", () => altered({ manifest: (m) => void tableOf(m, "workouts").columns.push("secret_sauce") }), /does not know \("secret_sauce"\)/],
    ["with an edited row", () => altered({ entries: (e) => { const json = entry(e, "tables/sleep_sessions.json"); json.data = Buffer.from(json.data.toString("utf8").replace(/"is_nap":false/, '"is_nap":true')); } }), /sleep_sessions.json is not the file that was exported/],
    ["with an entry its manifest does not list", () => altered({ entries: (e) => e.push({ name: "notes.txt", data: Buffer.from("hello") }) }), /holds notes.txt/],
  ];

  it.each(cases)("%s: refused as a 400 naming the file, nothing kept", async (_label, make, message) => {
    const user = (await createUser(handle.db, { email: `tampered-${Math.random().toString(36).slice(2)}@archive.example`, verified: true })).id;
    const before = digest(withoutSyncBookkeeping(await rowsOwnedBy(handle.db, user)));
    const error = await importBytes(user, await make()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).message).toMatch(message);
    expect((error as AppError).fields?.[0]?.path).toBe("file");
    expect(digest(withoutSyncBookkeeping(await rowsOwnedBy(handle.db, user)))).toEqual(before);
  });

  it("a row the database refuses, in a late table, removes the rows of every table written before it", async () => {
    const user = (await createUser(handle.db, { email: "late-failure@archive.example", verified: true })).id;
    const bytes = await altered({
      entries: (e) => {
        const json = entry(e, "tables/ai_requests.json");
        json.data = Buffer.from(json.data.toString("utf8").replace(/"created_at":"[^"]+"/, '"created_at":"the day after tomorrow"'));
      },
      manifest: (m, e) => void (tableOf(m, "ai_requests").sha256 = createHash("sha256").update(entry(e, "tables/ai_requests.json").data).digest("hex")),
    });
    const before = digest(withoutSyncBookkeeping(await rowsOwnedBy(handle.db, user)));
    const error = await importBytes(user, bytes).catch((e: unknown) => e);
    expect((error as AppError).status, String(error)).toBe(400);
    expect((error as AppError).message).toMatch(/a row of ai_requests does not fit/);
    expect(digest(withoutSyncBookkeeping(await rowsOwnedBy(handle.db, user)))).toEqual(before);
  });
});
