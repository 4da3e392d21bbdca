import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, jobEvents, journalEntries, journalEntryTags, journalTags } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { onPlan } from "@/server/account/plans/testing";
import { badRequestFields, callerFor } from "@/server/testing";
import { insertUser } from "../analytics/insights/testing/rows";
import { EMPTY_ENTRY_MESSAGE } from "./schemas";
import { SUGGESTED_TAGS } from "./tag-names";

const handle = withTestDb({ inProcessJobs: true });

/** Reads of any range of days: the users are on Pro (the free plan's 90 days are tested in server/account/plans). */
async function proUser(email: string) {
  const user = await insertUser(handle.db, email);
  await onPlan(handle.db, user.id, "pro");
  return user;
}
const rawRows = async <T>(query: ReturnType<typeof sql>) => ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;

async function recomputesRequested(userId: string): Promise<number> {
  const rows = await handle.db
    .select({ id: jobEvents.id })
    .from(jobEvents)
    .where(and(eq(jobEvents.name, "analytics/recompute.requested"), sql`${jobEvents.data}->>'userId' = ${userId}`, sql`${jobEvents.data}->>'reason' = 'journal'`));
  return rows.length;
}

describe("journal router", () => {
  it("creates, edits and deletes an entry; saving a date twice keeps one entry; each change asks for a recompute", async () => {
    const ada = await proUser("ada-journal@example.com");
    const caller = callerFor(handle.db, ada);

    const created = await caller.journal.save({ date: "2026-05-04", mood: 7, energy: 4, tags: ["Alcohol", "late meal"], notes: "Dinner with Sam.\nSlept badly." });
    expect(created).toMatchObject({ date: "2026-05-04", mood: 7, energy: 4, notes: "Dinner with Sam.\nSlept badly.", answeredNo: [] });
    expect(created.tags.map((t) => t.name)).toEqual(["Alcohol", "late meal"]);

    const edited = await caller.journal.save({ date: "2026-05-04", mood: 9, tags: ["alcohol ", "stress"], notes: "" });
    expect(edited).toMatchObject({ id: created.id, mood: 9, energy: null, notes: null });
    // "alcohol " is the tag "Alcohol" again (one tag per normalized name).
    expect(edited.tags.map((t) => t.name)).toEqual(["Alcohol", "stress"]);
    expect(edited.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());

    const rows = await handle.db.select().from(journalEntries).where(eq(journalEntries.userId, ada.id));
    expect(rows).toHaveLength(1);
    expect(await caller.journal.get({ date: "2026-05-04" })).toMatchObject({ id: created.id, mood: 9, tags: [{ name: "Alcohol" }, { name: "stress" }] });
    expect(await caller.journal.get({ date: "2026-05-05" })).toBeNull();
    const tags = await caller.journal.tags.list();
    expect(tags.tags.map((t) => [t.name, t.entries])).toEqual([
      ["Alcohol", 1],
      ["late meal", 0],
      ["stress", 1],
    ]);
    expect(tags.suggestions).toEqual(SUGGESTED_TAGS.filter((s) => !["alcohol", "late meal", "stress"].includes(s)));

    expect(await caller.journal.delete({ id: created.id })).toEqual({ id: created.id, date: "2026-05-04" });
    expect(await caller.journal.get({ date: "2026-05-04" })).toBeNull();
    expect(await handle.db.select().from(journalEntryTags)).toEqual([]);
    expect(await recomputesRequested(ada.id)).toBe(3);
  });

  it("keeps notes encrypted in the table and records each read of them in the audit trail", async () => {
    const bea = await proUser("bea-journal@example.com");
    const caller = callerFor(handle.db, bea, { ip: "203.0.113.5" });
    const secret = "Felt anxious about the biopsy results";
    await caller.journal.save({ date: "2026-05-10", notes: secret });
    const stored = (await rawRows<{ notes_enc: string }>(sql`select notes_enc from journal_entries where user_id = ${bea.id}`))[0]!.notes_enc;
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain("biopsy");
    expect(JSON.stringify(await rawRows(sql`select * from journal_entries where user_id = ${bea.id}`))).not.toContain("biopsy");

    const audits = () => handle.db.select().from(auditEvents).where(and(eq(auditEvents.subjectUserId, bea.id), eq(auditEvents.action, "journal.notes-read")));
    expect(await audits()).toHaveLength(0);
    expect((await caller.journal.get({ date: "2026-05-10" }))!.notes).toBe(secret);
    const [event] = await audits();
    expect(event).toMatchObject({ actorUserId: bea.id, targetType: "journal_entry", ip: "203.0.113.5", details: { date: "2026-05-10" } });
    // A list and the calendar carry no notes, so they record nothing.
    const list = await caller.journal.list({ from: "2026-05-01", to: "2026-05-31" });
    expect(list.items[0]).toMatchObject({ hasNotes: true });
    expect(JSON.stringify(list)).not.toContain("biopsy");
    expect((await caller.journal.month({ year: 2026, month: 5 })).days).toEqual([{ date: "2026-05-10", mood: null, energy: null, tagCount: 0, hasNotes: true }]);
    expect(await audits()).toHaveLength(1);
    // Writing notes is recorded too (a save without notes is not).
    const writes = () => handle.db.select().from(auditEvents).where(and(eq(auditEvents.subjectUserId, bea.id), eq(auditEvents.action, "journal.notes-written")));
    expect(await writes()).toHaveLength(1);
    expect((await writes())[0]).toMatchObject({ actorUserId: bea.id, targetType: "journal_entry", ip: "203.0.113.5", details: { date: "2026-05-10" } });
    await caller.journal.save({ date: "2026-05-11", mood: 6 });
    expect(await writes()).toHaveLength(1);
  });

  it("lists a range newest first in pages and shows a month's days", async () => {
    const cy = await proUser("cy-journal@example.com");
    const caller = callerFor(handle.db, cy);
    for (const [date, mood] of [["2026-04-28", 3], ["2026-05-01", 5], ["2026-05-02", 8], ["2026-05-20", 6], ["2026-06-01", 2]] as const) {
      await caller.journal.save({ date, mood, tags: date === "2026-05-02" ? ["travel"] : [] });
    }
    const first = await caller.journal.list({ from: "2026-05-01", to: "2026-05-31", limit: 2 });
    expect(first.items.map((e) => e.date)).toEqual(["2026-05-20", "2026-05-02"]);
    expect(first.items[1]!.tags.map((t) => t.name)).toEqual(["travel"]);
    const second = await caller.journal.list({ from: "2026-05-01", to: "2026-05-31", limit: 2, cursor: first.nextCursor });
    expect(second.items.map((e) => e.date)).toEqual(["2026-05-01"]);
    expect(second.nextCursor).toBeNull();

    const may = await caller.journal.month({ year: 2026, month: 5 });
    expect(may.days.map((d) => [d.date, d.mood, d.tagCount])).toEqual([
      ["2026-05-01", 5, 0],
      ["2026-05-02", 8, 1],
      ["2026-05-20", 6, 0],
    ]);
    expect((await caller.journal.month({ year: 2026, month: 2 })).days).toEqual([]);
  });

  it("manages tags: create, rename, delete (an entry left empty goes with its last tag)", async () => {
    const dee = await proUser("dee-journal@example.com");
    const caller = callerFor(handle.db, dee);
    const sauna = await caller.journal.tags.create({ name: "  Sauna   session? " });
    expect(sauna.name).toBe("Sauna session");
    await expect(caller.journal.tags.create({ name: "sauna SESSION" })).rejects.toMatchObject({ code: "CONFLICT" });
    const cold = await caller.journal.tags.create({ name: "cold plunge" });
    await expect(caller.journal.tags.rename({ id: cold.id, name: "Sauna session" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await caller.journal.tags.rename({ id: cold.id, name: "Cold plunge" })).toEqual({ id: cold.id, name: "Cold plunge" });

    await caller.journal.save({ date: "2026-05-03", tags: ["sauna session"] });
    await caller.journal.save({ date: "2026-05-04", mood: 6, tags: ["Sauna session"] });
    expect(await caller.journal.tags.delete({ id: sauna.id })).toEqual({ id: sauna.id, entriesRemoved: 1 });
    expect((await caller.journal.list({ from: "2026-05-01", to: "2026-05-31" })).items.map((e) => [e.date, e.tags])).toEqual([["2026-05-04", []]]);
    expect((await caller.journal.tags.list()).tags.map((t) => t.name)).toEqual(["Cold plunge"]);
  });

  it("another user cannot read, edit or delete the entry or the tags (NOT_FOUND), and sees only their own", async () => {
    const eve = await proUser("eve-journal@example.com");
    const fay = await proUser("fay-journal@example.com");
    const own = callerFor(handle.db, eve);
    const other = callerFor(handle.db, fay);
    const entry = await own.journal.save({ date: "2026-05-07", mood: 4, tags: ["private tag"], notes: "eve's note" });
    const [tag] = (await own.journal.tags.list()).tags;

    expect(await other.journal.get({ date: "2026-05-07" })).toBeNull();
    expect((await other.journal.list({ from: "2026-05-01", to: "2026-05-31" })).items).toEqual([]);
    expect((await other.journal.month({ year: 2026, month: 5 })).days).toEqual([]);
    expect((await other.journal.tags.list()).tags).toEqual([]);
    await expect(other.journal.delete({ id: entry.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.journal.tags.rename({ id: tag!.id, name: "mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.journal.tags.delete({ id: tag!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Saving the same date makes the other user's own entry, with a tag of their own name.
    const theirs = await other.journal.save({ date: "2026-05-07", mood: 9, tags: ["private tag"] });
    expect(theirs.id).not.toBe(entry.id);
    expect(theirs.tags[0]!.id).not.toBe(tag!.id);
    expect(await own.journal.get({ date: "2026-05-07" })).toMatchObject({ id: entry.id, mood: 4, notes: "eve's note", tags: [{ id: tag!.id }] });
    const tagsOfEve = await handle.db.select().from(journalTags).where(eq(journalTags.userId, eve.id));
    expect(tagsOfEve.map((t) => t.name)).toEqual(["private tag"]);
    await expect(callerFor(handle.db, null).journal.get({ date: "2026-05-07" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers bad input with a 400 naming the field", async () => {
    const gus = await proUser("gus-journal@example.com");
    const caller = callerFor(handle.db, gus);
    expect(await badRequestFields(caller.journal.save({ date: "2026-05-01", mood: 11 }))).toEqual(["mood"]);
    expect(await badRequestFields(caller.journal.save({ date: "2026-05-01", energy: 0 }))).toEqual(["energy"]);
    expect(await badRequestFields(caller.journal.save({ date: "2026-05-01", mood: 5.5 }))).toEqual(["mood"]);
    expect(await badRequestFields(caller.journal.save({ date: "2026-13-01", mood: 5 }))).toEqual(["date"]);
    expect(await badRequestFields(caller.journal.save({ date: "2026-05-01", tags: ["?"] }))).toEqual(["tags.0"]);
    expect(await badRequestFields(caller.journal.save({ date: "2026-05-01", notes: "a\u0000b" }))).toEqual(["notes"]);
    const empty = caller.journal.save({ date: "2026-05-01", notes: "   " });
    expect(await badRequestFields(empty)).toEqual(["mood"]);
    await expect(caller.journal.save({ date: "2026-05-01" })).rejects.toMatchObject({ message: expect.stringContaining(EMPTY_ENTRY_MESSAGE) });
    expect(await badRequestFields(caller.journal.list({ from: "2026-05-10", to: "2026-05-01" }))).toEqual(["to"]);
    expect(await badRequestFields(caller.journal.month({ year: 2026, month: 13 }))).toEqual(["month"]);
    expect(await badRequestFields(caller.journal.tags.create({ name: "" }))).toEqual(["name"]);
    expect(await handle.db.select().from(journalEntries).where(eq(journalEntries.userId, gus.id))).toEqual([]);
  });
});
