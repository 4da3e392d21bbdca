import { and, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db";
import { syncClientGroups, syncConflicts } from "@/db/schema/sync";
import { AppError } from "../errors";
import { afterCursor, newestFirst } from "../keyset";
import { toPage, type Paginated, type PaginationInput } from "../pagination";
import { lockUserSync } from "./clients";
import { saveFieldClocks } from "./field-clocks";
import { formatHlc } from "./hlc";
import { WHOLE_ROW } from "./merge";
import type { MutatorContext } from "./mutators";
import { serverMutatorOf } from "./server-mutators";

export interface ConflictView {
  id: string;
  table: string;
  mutation: string;
  /** The row and the field in words ("Journal entry of 2026-12-01", "Mood"). */
  row: string;
  field: string;
  fieldName: string;
  /** "row": a delete against another device's change; its values are the row's fields by their words, or null (deleted). */
  kind: "field" | "row";
  keptValue: unknown;
  losingValue: unknown;
  keptDevice: string | null;
  losingDevice: string | null;
  createdAt: Date;
}

const kept = alias(syncClientGroups, "kept_group");
const losing = alias(syncClientGroups, "losing_group");

/** The user's open conflicts (not restored or dismissed), newest first. */
export async function listConflicts(db: Database, userId: string, input: PaginationInput): Promise<Paginated<ConflictView>> {
  const rows = await db
    .select({ c: syncConflicts, keptDevice: kept.label, losingDevice: losing.label })
    .from(syncConflicts)
    .leftJoin(kept, eq(kept.id, syncConflicts.winningClientGroupId))
    .leftJoin(losing, eq(losing.id, syncConflicts.losingClientGroupId))
    .where(
      and(
        eq(syncConflicts.userId, userId),
        isNull(syncConflicts.resolvedAt),
        afterCursor(syncConflicts.createdAt, syncConflicts.id, input.cursor),
      ),
    )
    .orderBy(...newestFirst(syncConflicts.createdAt, syncConflicts.id))
    .limit(input.limit + 1);
  return toPage(
    rows.map(({ c, keptDevice, losingDevice }) => viewOf(c, keptDevice, losingDevice)),
    input.limit,
    (view) => view.createdAt,
  );
}

function viewOf(c: typeof syncConflicts.$inferSelect, keptDevice: string | null, losingDevice: string | null): ConflictView {
  const label = serverMutatorOf(c.mutation)?.def.label;
  const locator = JSON.parse(c.rowKey) as Record<string, unknown>;
  const whole = c.field === WHOLE_ROW;
  const rowInWords = (value: unknown) =>
    value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([field, v]) => [label?.fields[field] ?? field, v])) : null;
  return {
    id: c.id,
    table: c.tableName,
    mutation: c.mutation,
    row: label?.row(locator) ?? c.tableName,
    field: whole ? "Deleted on one device, changed on another" : (label?.fields[c.field] ?? c.field),
    fieldName: c.field,
    kind: whole ? "row" : "field",
    keptValue: whole ? rowInWords(c.winningValue) : c.winningValue,
    losingValue: whole ? rowInWords(c.losingValue) : c.losingValue,
    keptDevice,
    losingDevice,
    createdAt: c.createdAt,
  };
}

async function openConflict(db: Database, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(syncConflicts)
    .where(and(eq(syncConflicts.id, id), eq(syncConflicts.userId, userId)))
    .for("update");
  if (!row) throw AppError.notFound("Conflict");
  if (row.resolvedAt) throw AppError.conflict("This conflict was already restored or dismissed.");
  return row;
}

/**
 * Writes the losing value back (through the same mutation and domain function a device would use),
 * with the other fields of the row as they are now; its clock is the server's, so it is the latest.
 */
export async function restoreConflict(db: Database, context: MutatorContext, id: string): Promise<{ id: string }> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    await lockUserSync(tx, context.userId);
    const conflict = await openConflict(tx, context.userId, id);
    const mutator = serverMutatorOf(conflict.mutation);
    if (!mutator) throw AppError.badRequest("This value can no longer be restored.");
    const locator = JSON.parse(conflict.rowKey) as Record<string, unknown>;
    const losing = conflict.field === WHOLE_ROW ? ((conflict.losingValue ?? {}) as Record<string, unknown>) : { [conflict.field]: conflict.losingValue };
    const now = (await mutator.current(tx, context.userId, [locator])).get(conflict.rowKey);
    const args = mutator.def.argsOf(locator, { ...now?.fields, ...losing });
    await mutator.apply(tx, context, [{ locator, args }]);
    const clock = { hlc: formatHlc({ wall: Date.now(), counter: 0, node: "server" }), clientGroupId: conflict.losingClientGroupId };
    const fields = mutator.def.kind === "delete" ? [WHOLE_ROW] : Object.keys(losing);
    await saveFieldClocks(tx, context.userId, conflict.tableName, fields.map((field) => ({ rowKey: conflict.rowKey, field, clock })));
    await tx.update(syncConflicts).set({ resolvedAt: sql`now()`, restored: true }).where(eq(syncConflicts.id, id));
    return { id };
  });
}

/** Keeps the value that won: the conflict leaves the list. */
export async function dismissConflict(db: Database, userId: string, id: string): Promise<{ id: string }> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Database;
    await openConflict(tx, userId, id);
    await tx.update(syncConflicts).set({ resolvedAt: sql`now()` }).where(eq(syncConflicts.id, id));
    return { id };
  });
}
