import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { fileImports, journalEntries, journalEntryTags, journalTags } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { createUser } from "../../account/auth/users";
import { onPlan } from "../../account/plans/testing";
import { drainJobs } from "../../platform/jobs/runner";
import { callerFor, sessionFor } from "../../testing";
import { receiveUpload } from "../imports/file-imports";

const testDb = withTestDb({ inProcessJobs: true });

const ENGLISH = "Cycle start time,Cycle end time,Cycle timezone,Question text,Answered yes,Notes";
const SPANISH = 'Hora de inicio del ciclo,Hora de finalización del ciclo,Zona horaria del ciclo,Texto de la pregunta,"Respondió ""Sí""",Notas';

/** Rows as WHOOP writes them: one per cycle and question, wall-clock times in the cycle's zone. */
const ROWS = [
  // Sleep onset 23:12 on 1 March: the cycle is 2 March's.
  "2026-03-01 23:12:00,2026-03-02 22:40:00,UTC-05:00,Have any alcoholic drinks?,true,Two glasses of wine at the wedding",
  "2026-03-01 23:12:00,2026-03-02 22:40:00,UTC-05:00,Consume caffeine late?,false,",
  "2026-03-01 23:12:00,2026-03-02 22:40:00,UTC-05:00,Experience stress?,TRUE,",
  // After midnight: the same day the sleep started.
  "2026-03-03 00:45:00,2026-03-03 23:30:00,GMT-5,Have any alcoholic drinks?,no,",
  "2026-03-03 00:45:00,2026-03-03 23:30:00,GMT-5,Consume caffeine late?,yes,",
  "2026-03-03 00:45:00,2026-03-03 23:30:00,GMT-5,Experience stress?,FALSE,",
  // Bad rows: each reported with its line, the rest kept.
  "2026-03-04 23:00:00,2026-03-05 22:00:00,Mars/Olympus,Experience stress?,true,",
  "2026-03-04 25:00:00,2026-03-05 22:00:00,UTC-05:00,Experience stress?,true,",
  "2026-03-04 23:00:00,2026-03-05 22:00:00,UTC-05:00,Experience stress?,maybe,",
  // Travelling east: UTC+01:00, onset 22:30 → the next day.
  '2026-03-05 22:30:00,2026-03-06 23:00:00,UTC+01:00,Travel?,true,"Flight to Lisbon, delayed"',
];

async function* pieces(bytes: Buffer, size = 97): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function newUser(label: string) {
  const user = await createUser(testDb.db, { email: `${label}-${crypto.randomUUID()}@example.com`, verified: true });
  // The export's cycles are from March: Pro reads all of the history (free only its last 90 days).
  await onPlan(testDb.db, user.id, "pro");
  return sessionFor(user);
}

async function upload(userId: string, text: string, filename = "journal_entries.csv") {
  const uploaded = await receiveUpload(testDb.db, { userId, filename, body: pieces(Buffer.from(text)) });
  await drainJobs(testDb.db, { timeoutMs: 60_000 });
  const [row] = await testDb.db.select().from(fileImports).where(eq(fileImports.id, uploaded.import.id));
  return { ...row!, duplicate: uploaded.duplicate };
}

async function journalRows(userId: string) {
  const entries = await testDb.db.select().from(journalEntries).where(eq(journalEntries.userId, userId)).orderBy(journalEntries.localDate);
  const links = await testDb.db
    .select({ entryId: journalEntryTags.entryId, tagId: journalEntryTags.tagId, present: journalEntryTags.present })
    .from(journalEntryTags)
    .innerJoin(journalTags, eq(journalTags.id, journalEntryTags.tagId))
    .where(eq(journalTags.userId, userId))
    .orderBy(journalEntryTags.entryId, journalEntryTags.tagId);
  return { entries, links };
}

describe("the WHOOP journal import", () => {
  it("turns journal_entries.csv into entries and tags on the cycles' local days, reports bad rows by line, and changes nothing when imported again", async () => {
    const user = await newUser("whoop-journal");
    const caller = callerFor(testDb.db, user);
    const file = [ENGLISH, ...ROWS].join("\n");
    const done = await upload(user.id, file);
    expect(done).toMatchObject({ kind: "whoop_journal_csv", status: "succeeded", itemsImported: 3, skipped: 0, errorCount: 3 });
    expect(done.errors).toEqual([
      { line: 8, recordType: "Cycle timezone", message: 'unreadable time zone "Mars/Olympus"' },
      { line: 9, recordType: "Cycle start time", message: 'invalid time "2026-03-04 25:00:00" (expected YYYY-MM-DD HH:MM:SS)' },
      { line: 10, recordType: "Answered yes", message: '"maybe" is neither yes nor no' },
    ]);

    // The upload page links to the journal.
    expect((await caller.imports.get({ id: done.id })).resultHref).toBe("/journal");
    const march = await caller.journal.list({ from: "2026-03-01", to: "2026-03-31" });
    expect(march.items.map((e) => [e.date, e.tags.map((t) => t.name), e.hasNotes])).toEqual([
      ["2026-03-06", ["Travel"], true],
      ["2026-03-03", ["Consume caffeine late"], false],
      ["2026-03-02", ["Experience stress", "Have any alcoholic drinks"], true],
    ]);
    const second = (await caller.journal.get({ date: "2026-03-02" }))!;
    expect(second).toMatchObject({ mood: null, energy: null, notes: "Two glasses of wine at the wedding", answeredNo: [{ name: "Consume caffeine late" }] });
    expect((await caller.journal.get({ date: "2026-03-06" }))!.notes).toBe("Flight to Lisbon, delayed");
    expect((await caller.journal.get({ date: "2026-03-03" }))!.answeredNo.map((t) => t.name)).toEqual(["Experience stress", "Have any alcoholic drinks"]);
    expect((await caller.journal.tags.list()).tags.map((t) => t.name)).toEqual(["Consume caffeine late", "Experience stress", "Have any alcoholic drinks", "Travel"]);
    // Notes are stored encrypted, never as text.
    const raw = (await testDb.db.execute(sql`select notes_enc from journal_entries where user_id = ${user.id}`)) as unknown as { rows: unknown[] };
    expect(JSON.stringify(raw.rows)).not.toMatch(/wine|Lisbon/);

    // The same bytes again are the same upload; the same rows in another file (CRLF) import and change nothing.
    const before = await journalRows(user.id);
    expect((await receiveUpload(testDb.db, { userId: user.id, filename: "journal_entries.csv", body: pieces(Buffer.from(file)) })).duplicate).toBe(true);
    const again = await upload(user.id, file.replaceAll("\n", "\r\n"), "journal_entries (1).csv");
    expect(again).toMatchObject({ status: "succeeded", itemsImported: 0, skipped: 3, errorCount: 3 });
    expect(await journalRows(user.id)).toEqual(before);
  });

  it("reads the Spanish export the same way, into the user's existing entries without touching what they wrote", async () => {
    const user = await newUser("whoop-journal-es");
    const caller = callerFor(testDb.db, user);
    await caller.journal.save({ date: "2026-03-02", mood: 8, tags: ["Travel"], notes: "Written by hand." });
    const file = [SPANISH, ...ROWS.map((row) => row.replace(",true,", ",Sí,").replace(",false,", ",No,"))].join("\r\n");
    const done = await upload(user.id, `\uFEFF${file}`, "diario.csv");
    expect(done).toMatchObject({ kind: "whoop_journal_csv", status: "succeeded", itemsImported: 3, errorCount: 3 });
    const merged = (await caller.journal.get({ date: "2026-03-02" }))!;
    expect(merged).toMatchObject({ mood: 8, notes: "Written by hand.\n\nTwo glasses of wine at the wedding" });
    expect(merged.tags.map((t) => t.name)).toEqual(["Experience stress", "Have any alcoholic drinks", "Travel"]);
    expect((await caller.journal.list({ from: "2026-03-01", to: "2026-03-31" })).items.map((e) => e.date)).toEqual(["2026-03-06", "2026-03-03", "2026-03-02"]);
  });

  it("refuses a file whose header is not the journal's at upload, keeping nothing", async () => {
    const user = await newUser("whoop-journal-bad");
    const refused = await receiveUpload(testDb.db, { userId: user.id, filename: "journal_entries.csv", body: pieces(Buffer.from("Cycle start time,Cycle timezone,Question\n")) }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 400, fields: [{ path: "file" }] });
    expect((await journalRows(user.id)).entries).toEqual([]);
  });
});
