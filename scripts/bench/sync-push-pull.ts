// Sync (issue 11): a push of 1,000 queued journal entries in one request and a first pull of 10,000
// changes, against the plain statements doing the same rows' work in the same run (1,000 single-row
// INSERTs in one transaction, one multi-row INSERT; one SELECT of the rows as JSON), and the time from
// a write on one device to the change pulled by another (the poke, then the pull).
// `npx tsx scripts/bench/sync-push-pull.ts` prints the section for BENCHMARKS.md.
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { journalEntries } from "@/db/schema";
import { createUser } from "@/server/account/auth/users";
import { installJobs } from "@/server/platform/jobs/install";
import { pull } from "@/server/sync/pull";
import { push } from "@/server/sync/push";
import { createPokeHub } from "@/server/sync/pokes";
import { formatHlc } from "@/server/sync/hlc";
import type { BenchDb } from "./bench-db";
import { fmt } from "./format";
import { onEachBenchDb, runAlone } from "./run";

const PUSHED = 1_000;
const PULLED = 10_000;
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const day = (i: number) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export interface SyncBenchResult {
  database: string;
  pushMs: number;
  singleInsertsMs: number;
  multiInsertMs: number;
  pullMs: number;
  pullPages: number;
  selectMs: number;
  pokeToPulledMs: number;
}

async function benchOne(target: BenchDb): Promise<SyncBenchResult> {
  const db = target.handle.db as Database;
  await db.execute(sql`create table bench_plain_entries (like journal_entries including defaults)`);
  const push1000: number[] = [];
  const singles: number[] = [];
  const multis: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const user = await createUser(db, { email: `push-${run}@bench.example`, verified: true });
    const mutations = Array.from({ length: PUSHED }, (_, i) => ({
      id: i + 1,
      name: "journal.saveEntry",
      args: { date: day(i), mood: 1 + (i % 10), energy: 1 + ((i * 3) % 10), tags: [], notes: `Offline note ${i}` },
      timestamp: formatHlc({ wall: Date.now(), counter: i, node: "bench" }),
      base: null,
    }));
    push1000.push(await timed(() => push(db, { userId: user.id, ip: null }, { clientGroupId: `bench-group-${run}`, clientId: `bench-client-${run}`, mutations })));
    const rows = mutations.map((m) => ({ userId: user.id, localDate: m.args.date, mood: m.args.mood, energy: m.args.energy, notesEnc: m.args.notes }));
    singles.push(
      await timed(() =>
        db.transaction(async (tx) => {
          for (const r of rows) await tx.execute(sql`insert into bench_plain_entries (user_id, local_date, mood, energy, notes_enc) values (${r.userId}, ${r.localDate}, ${r.mood}, ${r.energy}, ${r.notesEnc})`);
        }),
      ),
    );
    await db.execute(sql`truncate bench_plain_entries`);
    multis.push(await timed(() => db.execute(sql`insert into bench_plain_entries (user_id, local_date, mood, energy, notes_enc) select * from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ user_id: r.userId, local_date: r.localDate, mood: r.mood, energy: r.energy, notes_enc: r.notesEnc })))}::jsonb) as x(user_id uuid, local_date date, mood smallint, energy smallint, notes_enc text)`)));
    await db.execute(sql`truncate bench_plain_entries`);
  }
  const reader = await createUser(db, { email: "pull@bench.example", verified: true });
  for (let from = 0; from < PULLED; from += 1_000) {
    await db.insert(journalEntries).values(Array.from({ length: 1_000 }, (_, i) => ({ userId: reader.id, localDate: day(from + i), mood: 5, energy: 6 })));
  }
  const pulls: number[] = [];
  const selects: number[] = [];
  let pages = 0;
  let latest: string | null = null;
  for (let run = 0; run < RUNS; run++) {
    pulls.push(
      await timed(async () => {
        let cookie: string | null = null;
        pages = 0;
        for (;;) {
          const page = await pull(db, reader.id, { clientGroupId: `bench-reader-${run}`, cookie });
          pages++;
          cookie = page.cookie;
          if (!page.more) break;
        }
        latest = cookie;
      }),
    );
    selects.push(await timed(() => db.execute(sql`select to_jsonb(e) from journal_entries e where user_id = ${reader.id} order by version`)));
  }
  // A hub on this bench database (the process's own listens on DATABASE_URL's), up before the first write.
  const hub = createPokeHub(async () => db);
  const warmUp = hub.subscribe(reader.id, () => {});
  while (hub.transport() === "starting") await new Promise((resolve) => setTimeout(resolve, 10));
  warmUp();
  if (hub.transport() !== "listen") throw new Error("the bench database offers no LISTEN");
  const pokes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const pulled = new Promise<void>((resolve) => {
      const stop = hub.subscribe(reader.id, () => {
        stop();
        void pull(db, reader.id, { clientGroupId: "bench-second-device", cookie: latest }).then((page) => {
          if (page.changes.length === 0) throw new Error("the poke came before the change was visible");
          latest = page.cookie;
          resolve();
        });
      });
    });
    await db.update(journalEntries).set({ mood: 1 + run }).where(sql`${journalEntries.userId} = ${reader.id} and ${journalEntries.localDate} = ${day(run)}`);
    await pulled;
    pokes.push(performance.now() - start);
  }
  await hub.close();
  return { database: target.label, pushMs: median(push1000), singleInsertsMs: median(singles), multiInsertMs: median(multis), pullMs: median(pulls), pullPages: pages, selectMs: median(selects), pokeToPulledMs: median(pokes) };
}

export const SYNC_HEADING = "## Sync push and pull (issue 11)";

export function syncSection(results: SyncBenchResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.database} | ${fmt(r.pushMs, 1)} ms | ${fmt(r.singleInsertsMs, 1)} ms (${fmt(r.singleInsertsMs / r.pushMs, 2)}) | ${fmt(r.multiInsertMs, 1)} ms (${fmt(r.multiInsertMs / r.pushMs, 2)}) | ${fmt(r.pullMs, 1)} ms in ${r.pullPages} pages | ${fmt(r.selectMs, 1)} ms (${fmt(r.selectMs / r.pullMs, 2)}) | ${fmt(r.pokeToPulledMs, 1)} ms |`,
  );
  return [
    SYNC_HEADING,
    "",
    `Median of ${RUNS}. Push: ${fmt(PUSHED)} journal.saveEntry mutations in one push (validated, merged, written through saveEntries, field clocks kept). Pull: a first pull of ${fmt(PULLED)} changes, every page. In brackets: the baseline's time over ours (the share of the baseline's rate we reach). Targets: push < 250 ms and ≥ 0.5 of the plain inserts' rate; pull < 500 ms; poke-to-visible < 1 s (here: a write, its poke, and the second device's pull done).`,
    "",
    "| Database | push 1,000 | 1,000 single INSERTs | one multi-row INSERT | first pull 10,000 | one SELECT | write → poke → pulled |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

export const runSyncBench = () => onEachBenchDb(benchOne);

runAlone(import.meta.url, async () => {
  installJobs();
  console.log(`\n${syncSection(await runSyncBench())}`);
});
