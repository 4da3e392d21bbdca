import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { withTestDb } from "@/db/testing";
import { insertUser } from "@/server/health/analytics/insights/testing/rows";
import { callerFor } from "@/server/testing";
import type { SessionUser } from "@/server/trpc";
import { SyncEngine, type SyncTransport } from "./engine";
import { caughtUp, openSyncStore, readMeta } from "./store";
import { viewOf } from "./view";

const handle = withTestDb({ inProcessJobs: true });
const PAGE = 50;

/** A device: its own IndexedDB, talking to the real router (PGlite) through the caller; `offline` fails its requests. */
function device(user: SessionUser, name: string) {
  const caller = callerFor(handle.db, user);
  const state = { offline: false };
  const gate = async <T>(call: () => Promise<T>) => {
    if (state.offline) throw new TypeError("Failed to fetch");
    return call();
  };
  /** Per pull request: whether the copy was caught up when it was sent. */
  const pulls: boolean[] = [];
  const transport: SyncTransport = {
    push: (input) => gate(() => caller.sync.push(input)),
    pull: (input) =>
      gate(async () => {
        pulls.push(caughtUp(await db.meta.get("state")));
        return caller.sync.pull({ ...input, limit: PAGE });
      }),
  };
  const db = openSyncStore(`${user.id}-${name}`);
  const engine = new SyncEngine({ db, transport, clientGroupId: `group-${name}-${user.id.slice(0, 8)}`, deviceLabel: name, browserTriggers: false });
  const rows = async (table: string) => viewOf(table, (await db.rows.where("table").equals(table).toArray()).map((r) => r.row), await db.outbox.orderBy("id").toArray());
  return { engine, state, rows, caller, db, pulls };
}

describe("the sync engine against the server", () => {
  it("applies offline writes at once, sends them when back online, and two devices converge", async () => {
    const user = await insertUser(handle.db, "engine@sync.example");
    const laptop = device(user, "laptop");
    const phone = device(user, "phone");
    laptop.engine.start();
    phone.engine.start();
    await Promise.all([laptop.engine.whenIdle(), phone.engine.whenIdle()]);

    laptop.state.offline = true;
    await laptop.engine.mutate("journal.saveEntry", { date: "2026-11-20", mood: 6, energy: null, tags: ["sauna"], notes: "on the train" });
    expect((await laptop.rows("journal_entries")).map((r) => [r.local_date, r.mood])).toEqual([["2026-11-20", 6]]);
    await laptop.engine.requestPush().catch(() => {});
    await expect.poll(() => laptop.engine.getStatus()).toMatchObject({ state: "offline", pending: 1 });
    expect(await laptop.caller.journal.get({ date: "2026-11-20" })).toBeNull();

    await phone.engine.mutate("profile.updatePreferences", { units: "imperial" });
    await phone.engine.requestPush();
    await phone.engine.whenIdle();

    laptop.state.offline = false;
    laptop.engine.retryNow();
    await laptop.engine.requestPull();
    await laptop.engine.whenIdle();
    await phone.engine.requestPull();
    await phone.engine.whenIdle();
    await expect.poll(() => laptop.engine.getStatus()).toMatchObject({ state: "synced", pending: 0 });
    for (const d of [laptop, phone]) {
      expect((await d.rows("journal_entries")).map((r) => [r.local_date, r.mood, r.notes])).toEqual([["2026-11-20", 6, "on the train"]]);
      expect((await d.rows("profiles"))[0]).toMatchObject({ units: "imperial" });
    }
    laptop.engine.stop();
    phone.engine.stop();
  });

  it("holds a first sync's copy as not caught up until its last page, and a copy made before the flag as caught up", async () => {
    const user = await insertUser(handle.db, "first-sync@sync.example");
    const laptop = device(user, "laptop");
    for (let day = 0; day < PAGE + 10; day++) {
      await laptop.caller.journal.save({ date: new Date(Date.UTC(2026, 8, 1 + day)).toISOString().slice(0, 10), mood: 5, energy: null, tags: [], notes: "" });
    }
    const tablet = device(user, "tablet");
    expect(caughtUp(await tablet.db.meta.get("state"))).toBe(false);
    tablet.engine.start();
    await tablet.engine.requestPull();
    await tablet.engine.whenIdle();
    // The second page was asked for with the first one stored, and the copy still not caught up.
    expect(tablet.pulls.slice(0, 2)).toEqual([false, false]);
    const meta = await readMeta(tablet.db);
    expect(caughtUp(meta)).toBe(true);
    expect(caughtUp({ ...meta, caughtUp: undefined })).toBe(true);
    expect(caughtUp({ ...meta, caughtUp: undefined, cookie: null })).toBe(false);
    tablet.engine.stop();
  });

  it("says what it saw in an entry's tags, so two devices' concurrent tag changes keep the losing one", async () => {
    const user = await insertUser(handle.db, "tags@sync.example");
    const laptop = device(user, "laptop");
    const phone = device(user, "phone");
    await laptop.caller.journal.save({ date: "2026-11-21", mood: 5, energy: null, tags: ["sauna"], notes: "" });
    for (const d of [laptop, phone]) {
      d.engine.start();
      await d.engine.requestPull();
      await d.engine.whenIdle();
      d.state.offline = true;
    }
    await laptop.engine.mutate("journal.saveEntry", { date: "2026-11-21", mood: 5, energy: null, tags: ["sauna", "coffee"], notes: "" });
    expect((await laptop.db.outbox.toArray())[0]!.base).toMatchObject({ tags: ["sauna"] });
    await phone.engine.mutate("journal.saveEntry", { date: "2026-11-21", mood: 5, energy: null, tags: ["stress"], notes: "" });
    for (const d of [laptop, phone]) {
      d.state.offline = false;
      d.engine.retryNow();
      await d.engine.requestPush();
      await d.engine.whenIdle();
    }
    expect((await laptop.caller.journal.get({ date: "2026-11-21" }))!.tags.map((t) => t.name)).toEqual(["stress"]);
    const conflicts = (await laptop.caller.sync.conflicts.list({})).items;
    expect(conflicts.map((c) => ({ field: c.field, kept: c.keptValue, losing: c.losingValue }))).toEqual([{ field: "Tags", kept: ["stress"], losing: ["coffee", "sauna"] }]);
    laptop.engine.stop();
    phone.engine.stop();
  });
});
