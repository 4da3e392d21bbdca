/**
 * Issue 10 benchmark: the admin overview (`admin.overview` through a tRPC caller, as the page calls
 * it) with 10,000 users who signed up over a year, their sessions, subscriptions and a month of
 * energy scores, beside the fastest honest way to get the same numbers: one SQL statement computing
 * all of them. Warm-up runs first, then RUNS timed calls of each, alternating; p50 and p95.
 * Alone: `npx tsx scripts/bench/admin-overview.ts` (also writes its section of BENCHMARKS.md).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { appRouter } from "@/server/root";
import { createCallerFactory } from "@/server/trpc";
import { scalar, type BenchDb } from "./bench-db";
import { fmt } from "./format";
import { onEachBenchDb, runAlone } from "./run";
import { percentile } from "./stats";

export const ADMIN_OVERVIEW_TARGET_MS = 200;
const USERS = 10_000;
const SCORE_DAYS = 30;
const WARMUP = 5;
const RUNS = 40;

export interface AdminOverviewBenchResult {
  database: string;
  users: number;
  sessions: number;
  subscriptions: number;
  scores: number;
  procedureP50: number;
  procedureP95: number;
  sqlP50: number;
  sqlP95: number;
}

/**
 * 10,000 users created evenly over the last 365 days (one admin among them); 1–3 sessions each,
 * last seen within the last 60 days; a subscription for one in four (pro, team, some canceled within
 * the last 60 days); an energy score on each of the last 30 days for seven in ten. Set-based inserts
 * (INSERT … SELECT over generate_series): one statement per table.
 */
async function seed(db: Database): Promise<void> {
  await db.execute(sql`
    insert into users (email, name, role, created_at, email_verified_at)
    select 'bench-' || i || '@overview.example', 'Bench ' || i, (case when i = 1 then 'admin' else 'user' end)::user_role,
           now() - (i * interval '365 days' / ${USERS}), now()
    from generate_series(1, ${USERS}) as i`);
  await db.execute(sql`
    insert into auth_sessions (user_id, created_at, last_seen_at, expires_at)
    select u.id, u.created_at, now() - ((abs(hashtext(u.id::text || s)) % (60 * 24)) * interval '1 hour' / 24), now() + interval '30 days'
    from users u, generate_series(1, 3) as s
    where s <= 1 + abs(hashtext(u.id::text)) % 3`);
  await db.execute(sql`
    insert into subscriptions (user_id, plan, status, source, monthly_amount_cents, started_at, canceled_at)
    select u.id,
           case when h % 5 = 0 then 'team' else 'pro' end,
           case when h % 7 = 0 then 'canceled' when h % 11 = 0 then 'past_due' else 'active' end,
           'manual',
           case when h % 7 = 0 then 0 when h % 5 = 0 then 2900 else 900 end,
           greatest(u.created_at, now() - interval '200 days'),
           case when h % 7 = 0 then now() - (h % 60) * interval '1 day' end
    from (select id, created_at, abs(hashtext(id::text || 'plan')) as h from users) u
    where u.h % 4 = 0`);
  await db.execute(sql`
    insert into energy_scores (user_id, local_date, state, score, confidence)
    select u.id, (current_date - d)::date, 'scored', 30 + abs(hashtext(u.id::text || d)) % 60, 0.8
    from users u, generate_series(0, ${SCORE_DAYS - 1}) as d
    where abs(hashtext(u.id::text || 'scores')) % 10 < 7`);
  await db.execute(sql`analyze`);
}

/** Every figure of the overview in one statement: the baseline the procedure is measured against. */
const ONE_QUERY = sql`
  with
    accounts as (select count(*) as total, count(disabled_at) as disabled from users),
    active as (
      select count(*) filter (where seen >= now() - interval '1 day') as d1,
             count(*) filter (where seen >= now() - interval '7 days') as d7,
             count(*) as d30
      from (select max(last_seen_at) as seen from auth_sessions where last_seen_at >= now() - interval '30 days' group by user_id) last_seen),
    days as (select generate_series(current_date - 29, current_date, interval '1 day')::date as day),
    signups as (
      select json_agg(json_build_object('day', days.day, 'count', coalesce(c.n, 0)) order by days.day) as per_day
      from days left join (
        select (created_at at time zone 'UTC')::date as day, count(*) as n from users
        where created_at >= (current_date - 29)::timestamptz group by 1) c on c.day = days.day),
    score as (
      select avg(packed % 1000)::float8 as value, count(*) as users from (
        select max((local_date - date '2000-01-01') * 1000 + score) as packed from energy_scores
        where local_date >= current_date - 6 and score is not null group by user_id) latest),
    plans as (
      select count(*) filter (where status <> 'canceled' and plan = 'pro') as pro,
             count(*) filter (where status <> 'canceled' and plan = 'team') as team,
             coalesce(sum(monthly_amount_cents) filter (where status <> 'canceled'), 0) as mrr,
             count(*) filter (where plan <> 'free' and started_at < now() - interval '30 days'
                              and (canceled_at is null or canceled_at >= now() - interval '30 days')) as live_at_start,
             count(*) filter (where plan <> 'free' and started_at < now() - interval '30 days' and status = 'canceled'
                              and canceled_at >= now() - interval '30 days') as canceled
      from subscriptions)
  select * from accounts, active, signups, score, plans`;

async function timedRuns(run: () => Promise<unknown>): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    runs.push(performance.now() - started);
  }
  return runs;
}

export async function benchAdminOverview(target: BenchDb): Promise<AdminOverviewBenchResult> {
  const db = target.handle.db;
  await seed(db);
  const admins = (await db.execute(sql`select id from users where role = 'admin' limit 1`)) as unknown as { rows: { id: string }[] };
  const adminId = admins.rows[0]?.id;
  if (!adminId) throw new Error("the seed made no admin");
  const caller = createCallerFactory(appRouter)({
    db,
    user: { id: adminId, email: "bench-1@overview.example", name: null, role: "admin", sessionId: "bench" },
    requestId: "bench",
    ip: "127.0.0.1",
    userAgent: null,
  });
  const procedure = () => caller.admin.overview();
  const oneQuery = () => db.execute(ONE_QUERY);
  for (let i = 0; i < WARMUP; i++) {
    await procedure();
    await oneQuery();
  }
  const procedureRuns: number[] = [];
  const sqlRuns: number[] = [];
  // Alternating halves, so that load from other processes weighs on both.
  for (let half = 0; half < 2; half++) {
    procedureRuns.push(...(await timedRuns(procedure)));
    sqlRuns.push(...(await timedRuns(oneQuery)));
  }
  const overview = await procedure();
  if (overview.totalUsers !== USERS) throw new Error(`expected ${USERS} users, the overview counts ${overview.totalUsers}`);
  return {
    database: target.label,
    users: overview.totalUsers,
    sessions: await scalar(target, "select count(*) from auth_sessions"),
    subscriptions: await scalar(target, "select count(*) from subscriptions"),
    scores: await scalar(target, "select count(*) from energy_scores"),
    procedureP50: percentile(procedureRuns, 50),
    procedureP95: percentile(procedureRuns, 95),
    sqlP50: percentile(sqlRuns, 50),
    sqlP95: percentile(sqlRuns, 95),
  };
}

export function runAdminOverviewBench(): Promise<AdminOverviewBenchResult[]> {
  return onEachBenchDb(benchAdminOverview);
}

export const ADMIN_OVERVIEW_HEADING = "## Admin overview with 10,000 users (issue 10)";

export function adminOverviewSection(results: AdminOverviewBenchResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.database} | ${fmt(r.users)} | ${fmt(r.sessions)} | ${fmt(r.subscriptions)} | ${fmt(r.scores)} | **${fmt(r.procedureP50, 1)} ms** | **${fmt(r.procedureP95, 1)} ms** | ${fmt(r.sqlP50, 1)} ms | ${fmt(r.sqlP95, 1)} ms |`,
  );
  return `${ADMIN_OVERVIEW_HEADING}

${fmt(USERS)} users who signed up evenly over the last 365 days, 1–3 sessions each seen within the
last 60 days, a subscription for one in four (pro and team, some past due, some canceled within the
last 60 days), and an energy score on each of the last ${SCORE_DAYS} days for seven in ten
(\`scripts/bench/admin-overview.ts\`). **Procedure** = \`admin.overview\` through a tRPC caller as the
page calls it (active users over 1/7/30 days, 30 days of signups with the empty days, the mean of
each user's latest score within 7 days, churn, users per plan, MRR: five small queries run side by
side, output validated). **One SQL** = the same figures from one statement of CTEs, the fastest
honest way to get them. ${WARMUP} warm-up calls, then ${RUNS * 2} timed calls of each in alternating
halves; nearest-rank p50 and p95 (target < ${ADMIN_OVERVIEW_TARGET_MS} ms).

| database | users | sessions | subscriptions | scores | procedure p50 | procedure p95 | one SQL p50 | one SQL p95 |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}
`;
}

/** Puts the section into BENCHMARKS.md in place of its previous version (or at the end). */
function writeSection(section: string): void {
  const file = "BENCHMARKS.md";
  const current = readFileSync(file, "utf8");
  const start = current.indexOf(ADMIN_OVERVIEW_HEADING);
  if (start === -1) {
    writeFileSync(file, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const next = current.indexOf("\n## ", start + ADMIN_OVERVIEW_HEADING.length);
  writeFileSync(file, `${current.slice(0, start)}${section}${next === -1 ? "" : current.slice(next)}`);
}

runAlone(import.meta.url, async () => {
  const results = await runAdminOverviewBench();
  const section = adminOverviewSection(results);
  console.log(`\n${section}`);
  writeSection(section);
});
