import type { Database } from "@/db";
import { syncConflicts, syncRejections } from "@/db/schema/sync";
import { AppError } from "../errors";
import { logger } from "../logger";
import { advanceClient, claimClient, claimClientGroup, lockUserSync } from "./clients";
import { loadFieldClocks, saveFieldClocks } from "./field-clocks";
import { laterClockElsewhere, mergeFields, rowConflict, WHOLE_ROW, type FieldClock, type FieldConflict } from "./merge";
import type { MutatorContext, ServerMutator } from "./mutators";
import { locatorKey, type Mutation, type PushInput, type PushResult, type Rejection } from "./protocol";
import { serverMutatorOf } from "./server-mutators";

/** One row's mutations in a run, merged in order. */
interface RowWork {
  locator: Record<string, unknown>;
  mutations: Mutation[];
  /** The row's fields after the merges (server values where a mutation lost). */
  fields: Record<string, unknown>;
  /** Every field a mutation of the run set (won or lost): the args written are these. */
  touched: Set<string>;
  won: boolean;
  clocks: Map<string, FieldClock>;
  conflicts: FieldConflict[];
}

/** Consecutive mutations of one name: merged and written together (a month of offline entries is one batch). */
function runsOf(mutations: readonly Mutation[]): Mutation[][] {
  const runs: Mutation[][] = [];
  for (const m of mutations) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.name === m.name) last.push(m);
    else runs.push([m]);
  }
  return runs;
}

const rejection = (m: Mutation, reason: string, message: string): Rejection => ({ id: m.id, name: m.name, reason, message });

function refusal(m: Mutation, error: unknown): Rejection {
  if (error instanceof AppError) return rejection(m, error.reason ?? `sync.${error.code.toLowerCase()}`, error.message);
  logger.error({ err: error, mutation: m.name }, "a synced mutation failed");
  return rejection(m, "sync.failed", "The server could not save this change.");
}

function invalid(m: Mutation, issues: readonly { path: PropertyKey[]; message: string }[]): Rejection {
  const first = issues[0];
  const where = first?.path.length ? `${first.path.map(String).join(".")}: ` : "";
  return rejection(m, "sync.invalid", `${where}${first?.message ?? "Invalid change."}`);
}

/** Merges a run's valid mutations row by row with the server's rows and their field clocks. */
async function mergeRun(db: Database, context: MutatorContext, mutator: ServerMutator, run: { m: Mutation; args: unknown }[], clientGroupId: string) {
  const { def } = mutator;
  const rows = new Map<string, RowWork>();
  const argsOf = new Map(run.map((r) => [r.m, r.args]));
  for (const { m, args } of run) {
    const locator = def.locate(args);
    const key = locatorKey(locator);
    const work: RowWork = rows.get(key) ?? { locator, mutations: [], fields: {}, touched: new Set(), won: false, clocks: new Map(), conflicts: [] };
    work.mutations.push(m);
    rows.set(key, work);
  }
  const current = await mutator.current(db, context.userId, [...rows.values()].map((r) => r.locator));
  const storedClock = await loadFieldClocks(db, context.userId, def.table, [...rows.keys()]);
  for (const [key, work] of rows) {
    let state = current.get(key);
    work.fields = { ...state?.fields };
    for (const m of work.mutations) {
      const args = argsOf.get(m)!;
      const clockOf = (field: string) => work.clocks.get(field) ?? storedClock(key, field);
      if (def.kind === "delete") {
        const later = state && laterClockElsewhere(Object.keys(work.fields).map(clockOf), m.timestamp, clientGroupId);
        if (later) {
          work.conflicts.push(rowConflict({ winning: { ...work.fields }, losing: null, winningGroup: later.clientGroupId, losingGroup: clientGroupId }));
          continue;
        }
        work.won = true;
        work.clocks.set(WHOLE_ROW, { hlc: m.timestamp, clientGroupId });
        state = undefined;
        continue;
      }
      const fields = def.fields(args);
      const deletedLater = !state && m.base && laterClockElsewhere([clockOf(WHOLE_ROW)], m.timestamp, clientGroupId);
      if (deletedLater) {
        work.conflicts.push(rowConflict({ winning: null, losing: fields, winningGroup: deletedLater.clientGroupId, losingGroup: clientGroupId }));
        continue;
      }
      const merged = mergeFields({
        current: state && { fields: work.fields, updatedAt: state.updatedAt },
        fields,
        // The user's one settings row is made with its defaults on first read: a device that had no
        // copy of it changed the defaults, not a value another device wrote.
        base: m.base === null && Object.keys(work.locator).length === 0 ? undefined : m.base,
        timestamp: m.timestamp,
        clientGroupId,
        clockOf,
      });
      for (const field of Object.keys(fields)) work.touched.add(field);
      Object.assign(work.fields, merged.winners);
      for (const field of Object.keys(merged.winners)) work.clocks.set(field, { hlc: m.timestamp, clientGroupId });
      work.won ||= Object.keys(merged.winners).length > 0;
      work.conflicts.push(...merged.conflicts);
      state = { fields: work.fields, updatedAt: state?.updatedAt ?? new Date() };
    }
  }
  return rows;
}

/** Writes the rows whose merge changed something: together, or (when the domain refuses the batch) one by one. */
async function applyRun(db: Database, context: MutatorContext, mutator: ServerMutator, rows: Map<string, RowWork>): Promise<{ written: RowWork[]; refused: Rejection[] }> {
  const work = [...rows.values()].filter((r) => r.won);
  const itemOf = (r: RowWork) => ({
    locator: r.locator,
    args: mutator.def.argsOf(r.locator, Object.fromEntries([...r.touched].map((f) => [f, r.fields[f]]))),
  });
  try {
    await db.transaction((tx) => mutator.apply(tx as unknown as Database, context, work.map(itemOf)));
    return { written: work, refused: [] };
  } catch {
    const written: RowWork[] = [];
    const refused: Rejection[] = [];
    for (const r of work) {
      try {
        await db.transaction((tx) => mutator.apply(tx as unknown as Database, context, [itemOf(r)]));
        written.push(r);
      } catch (error) {
        refused.push(...r.mutations.map((m) => refusal(m, error)));
      }
    }
    return { written, refused };
  }
}

/**
 * Runs a client's pushed mutations in one transaction: ids up to the client's last are replays and
 * skipped; each other one is validated, merged field by field with what other devices wrote (the
 * losing value of a concurrent change is kept as a conflict) and written through its domain function.
 * A mutation that fails is recorded as rejected and does not block those after it.
 */
export async function push(db: Database, context: MutatorContext, input: PushInput): Promise<PushResult> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    await lockUserSync(tx, context.userId);
    await claimClientGroup(tx, context.userId, input.clientGroupId, input.deviceLabel);
    const last = await claimClient(tx, context.userId, input.clientGroupId, input.clientId);
    const unseen = input.mutations.filter((m) => m.id > last).sort((a, b) => a.id - b.id);
    const rejected: Rejection[] = [];
    let applied = 0;
    let conflicts = 0;
    for (const run of runsOf(unseen)) {
      const mutator = serverMutatorOf(run[0]!.name);
      if (!mutator) {
        rejected.push(...run.map((m) => rejection(m, "sync.unknown-mutation", `This app does not know the change “${m.name}”: reload it.`)));
        continue;
      }
      const valid: { m: Mutation; args: unknown }[] = [];
      for (const m of run) {
        const parsed = mutator.def.args.safeParse(m.args);
        if (parsed.success) valid.push({ m, args: parsed.data });
        else rejected.push(invalid(m, parsed.error.issues));
      }
      if (valid.length === 0) continue;
      const rows = await mergeRun(tx, context, mutator, valid, input.clientGroupId);
      const { written, refused } = await applyRun(tx, context, mutator, rows);
      rejected.push(...refused);
      const refusedIds = new Set(refused.map((r) => r.id));
      const kept = [...rows.values()].filter((r) => !r.mutations.some((m) => refusedIds.has(m.id)));
      applied += valid.length - refusedIds.size;
      const conflictRows = kept.flatMap((r) =>
        r.conflicts.map((c) => ({
          userId: context.userId,
          tableName: mutator.def.table,
          rowKey: locatorKey(r.locator),
          field: c.field,
          mutation: mutator.def.name,
          winningValue: c.winning ?? null,
          losingValue: c.losing ?? null,
          winningClientGroupId: c.winningGroup,
          losingClientGroupId: c.losingGroup,
        })),
      );
      if (conflictRows.length) await tx.insert(syncConflicts).values(conflictRows);
      conflicts += conflictRows.length;
      await saveFieldClocks(
        tx,
        context.userId,
        mutator.def.table,
        written.flatMap((r) => [...r.clocks].map(([field, clock]) => ({ rowKey: locatorKey(r.locator), field, clock }))),
      );
    }
    const lastMutationId = unseen.length ? unseen[unseen.length - 1]!.id : last;
    if (unseen.length) await advanceClient(tx, input.clientId, lastMutationId);
    if (rejected.length) {
      await tx
        .insert(syncRejections)
        .values(rejected.map((r) => ({ userId: context.userId, clientId: input.clientId, mutationId: r.id, mutation: r.name, reason: r.reason, message: r.message })))
        .onConflictDoNothing();
    }
    return { lastMutationId, applied, skipped: input.mutations.length - unseen.length, rejected, conflicts };
  });
}
