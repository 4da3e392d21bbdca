import { getTableName, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { journalEntries } from "@/db/schema";
import { withTestDb } from "@/db/testing";
import { syncedTables } from "@/db/sync-triggers";
import { callerFor } from "@/server/testing";
import { insertUser } from "../health/analytics/insights/testing/rows";
import { mutationDefs } from "./mutations";
import { encodeCookie, SYNC_SCHEMA_VERSION } from "./protocol";
import { serverMutators } from "./server-mutators";
import { TestDevice } from "./testing/device";

const handle = withTestDb({ inProcessJobs: true });

async function account(label: string) {
  const user = await insertUser(handle.db, `${label}-${Math.random().toString(36).slice(2, 8)}@sync.example`);
  const caller = callerFor(handle.db, user);
  return { user, caller, device: (name: string) => new TestDevice(caller, name) };
}

const entry = (date: string, fields: Partial<{ mood: number | null; energy: number | null; notes: string; tags: string[] }> = {}) => ({
  date,
  mood: null,
  energy: null,
  notes: "",
  tags: [],
  ...fields,
});

const putsOf = (changes: { op: string; table: string; row?: Record<string, unknown> }[], table: string) =>
  changes.filter((c) => c.op === "put" && c.table === table).map((c) => c.row!);

describe("sync", () => {
  it("knows the server side of every mutation, each writing a synced table", () => {
    expect(serverMutators.map((m) => m.def.name).sort()).toEqual(mutationDefs.map((d) => d.name).sort());
    const synced = new Set(syncedTables().map((e) => getTableName(e.table)));
    for (const def of mutationDefs) expect(synced.has(def.table), def.name).toBe(true);
  });

  it("runs a replayed push as a no-op", async () => {
    const { caller, device } = await account("replay");
    const laptop = device("laptop");
    const mutations = [laptop.queue("journal.saveEntry", entry("2026-11-01", { mood: 6 }), { base: null })];
    expect(await laptop.push(mutations)).toMatchObject({ lastMutationId: 1, applied: 1, skipped: 0 });
    const before = await caller.journal.get({ date: "2026-11-01" });
    expect(await laptop.push(mutations)).toMatchObject({ lastMutationId: 1, applied: 0, skipped: 1 });
    const after = await caller.journal.get({ date: "2026-11-01" });
    expect(after).toEqual(before);
  });

  it("merges field by field: two devices changing different fields of one row keep both", async () => {
    const { caller, device } = await account("fields");
    const laptop = device("laptop");
    const phone = device("phone");
    laptop.queue("notifications.updatePreferences", { dailySummaryTime: "06:30" }, { base: { daily_summary_time: "08:00" } });
    phone.queue("notifications.updatePreferences", { weeklyReportDay: 5 }, { base: { weekly_report_day: 1 } });
    await phone.push();
    const result = await laptop.push();
    expect(result.conflicts).toBe(0);
    expect(await caller.profile.notifications.get()).toMatchObject({ dailySummaryTime: "06:30", weeklyReportDay: 5 });
  });

  it("converges whichever push arrives first, and keeps the losing value of a concurrent change as a conflict to restore", async () => {
    const outcomes = [];
    for (const order of [["laptop", "phone"], ["phone", "laptop"]] as const) {
      const { caller, device } = await account(`order-${order[0]}`);
      const devices = { laptop: device("laptop"), phone: device("phone") };
      const now = Date.now();
      // Same base (08:00); the phone's edit is the later one by its clock, wherever it arrives.
      devices.laptop.queue("notifications.updatePreferences", { dailySummaryTime: "06:30" }, { base: { daily_summary_time: "08:00" }, at: now - 5_000 });
      devices.phone.queue("notifications.updatePreferences", { dailySummaryTime: "07:15" }, { base: { daily_summary_time: "08:00" }, at: now - 1_000 });
      for (const name of order) await devices[name].push();
      const settings = await caller.profile.notifications.get();
      const conflicts = await caller.sync.conflicts.list({});
      outcomes.push({ time: settings.dailySummaryTime, conflicts: conflicts.items.map((c) => ({ kept: c.keptValue, losing: c.losingValue, field: c.field })) });
      // Restoring the losing value writes it back and takes it off the list.
      await caller.sync.conflicts.restore({ id: conflicts.items[0]!.id });
      expect((await caller.profile.notifications.get()).dailySummaryTime).toBe("06:30");
      expect((await caller.sync.conflicts.list({})).items).toEqual([]);
    }
    expect(outcomes[0]).toEqual({ time: "07:15", conflicts: [{ kept: "07:15", losing: "06:30", field: "Daily summary time" }] });
    expect(outcomes[1]).toEqual(outcomes[0]);
  });

  it("lets a later write by another device win over a device that had no copy of the row, and keeps the earlier value", async () => {
    for (const order of [["phone", "laptop"], ["laptop", "phone"]] as const) {
      const { caller, device } = await account(`no-base-${order[0]}`);
      const devices = { laptop: device("laptop"), phone: device("phone") };
      const now = Date.now();
      // The laptop never pulled its settings before going offline; the phone's edit is the later one.
      devices.laptop.queue("notifications.updatePreferences", { dailySummaryTime: "06:30" }, { base: null, at: now - 5_000 });
      devices.phone.queue("notifications.updatePreferences", { dailySummaryTime: "07:15" }, { base: { daily_summary_time: "08:00" }, at: now - 1_000 });
      for (const name of order) await devices[name].push();
      expect((await caller.profile.notifications.get()).dailySummaryTime, order.join(" then ")).toBe("07:15");
      const conflicts = (await caller.sync.conflicts.list({})).items.map((c) => ({ kept: c.keptValue, losing: c.losingValue }));
      expect(conflicts, order.join(" then ")).toEqual([{ kept: "07:15", losing: "06:30" }]);
    }
  });

  it("keeps a concurrently written journal field as a conflict and the other fields of both devices", async () => {
    const { caller, device } = await account("journal-conflict");
    const laptop = device("laptop");
    const phone = device("phone");
    await caller.journal.save(entry("2026-11-02", { mood: 5, energy: 5, notes: "before" }));
    const base = { mood: 5, energy: 5, notes: "before", tags: [] };
    const now = Date.now();
    laptop.queue("journal.saveEntry", entry("2026-11-02", { mood: 8, energy: 5, notes: "written on the train" }), { base, at: now - 2_000 });
    phone.queue("journal.saveEntry", entry("2026-11-02", { mood: 3, energy: 5, notes: "before", tags: ["coffee"] }), { base, at: now - 1_000 });
    await laptop.push();
    expect((await phone.push()).conflicts).toBe(1);
    const saved = await caller.journal.get({ date: "2026-11-02" });
    expect({ mood: saved!.mood, notes: saved!.notes, tags: saved!.tags.map((t) => t.name) }).toEqual({ mood: 3, notes: "written on the train", tags: ["coffee"] });
    const [conflict] = (await caller.sync.conflicts.list({})).items;
    expect(conflict).toMatchObject({ row: "Journal entry of 2026-11-02", field: "Mood", keptValue: 3, losingValue: 8, keptDevice: "phone", losingDevice: "laptop" });
    await caller.sync.conflicts.dismiss({ id: conflict!.id });
    expect(await caller.sync.conflicts.list({})).toMatchObject({ items: [] });
    expect((await caller.journal.get({ date: "2026-11-02" }))!.mood).toBe(3);
  });

  it("keeps an entry another device changed after this one deleted it, with the delete to apply", async () => {
    const { caller, device } = await account("delete-then-edit");
    const laptop = device("laptop");
    const phone = device("phone");
    await caller.journal.save(entry("2026-11-08", { mood: 5, notes: "before" }));
    const base = { mood: 5, energy: null, notes: "before", tags: [] };
    const now = Date.now();
    laptop.queue("journal.deleteEntry", { date: "2026-11-08" }, { base: {}, at: now - 5_000 });
    phone.queue("journal.saveEntry", entry("2026-11-08", { mood: 8, notes: "the later word" }), { base, at: now - 1_000 });
    await phone.push();
    expect((await laptop.push()).conflicts).toBe(1);
    expect((await caller.journal.get({ date: "2026-11-08" }))!.notes).toBe("the later word");
    const [conflict] = (await caller.sync.conflicts.list({})).items;
    expect(conflict).toMatchObject({ row: "Journal entry of 2026-11-08", kind: "row", keptValue: { Mood: 8, Notes: "the later word" }, losingValue: null, keptDevice: "phone", losingDevice: "laptop" });
    await caller.sync.conflicts.restore({ id: conflict!.id });
    expect(await caller.journal.get({ date: "2026-11-08" })).toBeNull();
  });

  it("keeps an edit made before another device's later delete, to bring the entry back", async () => {
    const { caller, device } = await account("edit-then-delete");
    const laptop = device("laptop");
    const phone = device("phone");
    await caller.journal.save(entry("2026-11-09", { mood: 5, notes: "before" }));
    const base = { mood: 5, energy: null, notes: "before", tags: [] };
    const now = Date.now();
    phone.queue("journal.saveEntry", entry("2026-11-09", { mood: 2, notes: "written offline" }), { base, at: now - 5_000 });
    laptop.queue("journal.deleteEntry", { date: "2026-11-09" }, { base: {}, at: now - 1_000 });
    await laptop.push();
    expect((await phone.push()).conflicts).toBe(1);
    expect(await caller.journal.get({ date: "2026-11-09" })).toBeNull();
    const [conflict] = (await caller.sync.conflicts.list({})).items;
    expect(conflict).toMatchObject({ kind: "row", keptValue: null, losingValue: { Mood: 2, Notes: "written offline" }, keptDevice: "laptop", losingDevice: "phone" });
    await caller.sync.conflicts.restore({ id: conflict!.id });
    expect(await caller.journal.get({ date: "2026-11-09" })).toMatchObject({ mood: 2, notes: "written offline" });
  });

  it("records a refused mutation with its reason and runs the ones after it", async () => {
    const { caller, device } = await account("rejected");
    const laptop = device("laptop");
    laptop.queue("journal.saveEntry", entry("2026-11-03", { mood: 4 }), { base: null });
    laptop.queue("journal.saveEntry", entry("2026-11-04", { mood: 42 }), { base: null });
    laptop.queue("actionPlan.mark", { id: "00000000-0000-4000-8000-000000000000", status: "done" });
    laptop.queue("profile.updatePreferences", { units: "imperial" });
    const result = await laptop.push();
    expect(result).toMatchObject({ lastMutationId: 4, applied: 2 });
    expect(result.rejected.map((r) => ({ id: r.id, reason: r.reason }))).toEqual([
      { id: 2, reason: "sync.invalid" },
      { id: 3, reason: "sync.not_found" },
    ]);
    expect(result.rejected[0]!.message).toMatch(/^mood: Use 1 to 10/);
    expect(await caller.journal.get({ date: "2026-11-04" })).toBeNull();
    expect((await caller.journal.get({ date: "2026-11-03" }))!.mood).toBe(4);
    expect((await caller.profile.get()).units).toBe("imperial");
  });

  it("carries deletes to the other devices as tombstones", async () => {
    const { device } = await account("tombstones");
    const laptop = device("laptop");
    const phone = device("phone");
    laptop.queue("journal.saveEntry", entry("2026-11-05", { mood: 6, tags: ["sauna"] }), { base: null });
    await laptop.push();
    const first = await phone.pullAll();
    const saved = putsOf(first.changes, "journal_entries").find((r) => r.local_date === "2026-11-05")!;
    expect(putsOf(first.changes, "journal_entry_tags").filter((r) => r.entry_id === saved.id)).toHaveLength(1);
    laptop.queue("journal.deleteEntry", { date: "2026-11-05" });
    await laptop.push();
    const { changes } = await phone.pullAll();
    expect(changes.filter((c) => c.op === "del")).toEqual([expect.objectContaining({ table: "journal_entries", key: saved.id })]);
  });

  it("pulls a large first sync in pages that skip nothing, and a cookie of another schema resets", async () => {
    const { user, caller, device } = await account("paging");
    const dates = Array.from({ length: 120 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    await handle.db.insert(journalEntries).values(dates.map((localDate) => ({ userId: user.id, localDate, mood: 5 })));
    const phone = device("phone");
    const { pages, changes } = await phone.pullAll(50);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.slice(0, -1).every((p) => p.more && p.changes.length === 50)).toBe(true);
    expect(putsOf(changes, "journal_entries").map((r) => r.local_date).sort()).toEqual(dates);
    const versions = changes.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect((await phone.pullAll()).changes).toEqual([]);
    const stale = await caller.sync.pull({ clientGroupId: phone.clientGroupId, cookie: `${SYNC_SCHEMA_VERSION + 1}:${versions.at(-1)}` });
    expect(stale).toMatchObject({ reset: true, changes: [] });
    expect((await caller.sync.pull({ clientGroupId: phone.clientGroupId, cookie: encodeCookie(0) })).changes.length).toBe(50 * 0 + Math.min(changes.length, 5_000));
  });

  it("gives each account its own rows only, and refuses another account's device id", async () => {
    const a = await account("owner");
    const b = await account("other");
    const laptop = a.device("laptop");
    laptop.queue("journal.saveEntry", entry("2026-11-06", { notes: "private to A" }), { base: null });
    laptop.queue("privacy.updateSettings", { researchOptIn: true });
    await laptop.push();
    const { changes } = await b.device("laptop").pullAll();
    expect(JSON.stringify(changes)).not.toContain(a.user.id);
    expect(JSON.stringify(changes)).not.toContain("private to A");
    await expect(b.caller.sync.pull({ clientGroupId: laptop.clientGroupId, cookie: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(b.caller.sync.push({ clientGroupId: laptop.clientGroupId, clientId: laptop.clientId, mutations: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const conflict = await handle.db.execute(sql`select count(*)::int as n from sync_conflicts`);
    expect(conflict).toBeDefined();
  });

  it("pulls a change to every synced table, whatever path wrote it", async () => {
    const { caller, device } = await account("every-table");
    await caller.journal.save(entry("2026-11-07", { mood: 7, tags: ["alcohol"] }));
    await caller.profile.update({ units: "imperial" });
    await caller.profile.notifications.update({ marketing: true });
    await caller.privacy.settings.update({ shareAnonymousData: true });
    const { user } = await account("unused");
    void user;
    const { changes } = await device("tablet").pullAll();
    const tables = new Set(changes.map((c) => c.table));
    const expected = syncedTables()
      .map((e) => getTableName(e.table))
      .filter((name) => name !== "recommendations");
    for (const name of expected) expect(tables.has(name), name).toBe(true);
  });
});
