import { sameValue } from "./define";
import { hlcOfDate } from "./hlc";
import type { RowState } from "./mutators";

/** The clock of a field's current value, and the device (client group) that wrote it. */
export interface FieldClock {
  hlc: string;
  clientGroupId: string | null;
}

/**
 * The field of a conflict between a delete and another device's change of the row: its values are
 * the row's fields (the change) or null (the delete), and its clock is the delete's (a tombstone).
 */
export const WHOLE_ROW = "*";

export interface FieldConflict {
  field: string;
  winning: unknown;
  losing: unknown;
  winningGroup: string | null;
  losingGroup: string | null;
}

export const rowConflict = (c: Omit<FieldConflict, "field">): FieldConflict => ({ field: WHOLE_ROW, ...c });

/** The latest of these clocks when another device wrote it after this timestamp. */
export function laterClockElsewhere(clocks: readonly (FieldClock | undefined)[], timestamp: string, clientGroupId: string): FieldClock | undefined {
  let latest: FieldClock | undefined;
  for (const clock of clocks) {
    if (clock && clock.clientGroupId !== clientGroupId && clock.hlc > timestamp && (!latest || clock.hlc > latest.hlc)) latest = clock;
  }
  return latest;
}

export interface MergeInput {
  current: RowState | undefined;
  fields: Record<string, unknown>;
  /** What the device saw in these fields; null: it had no such row; undefined: it did not say (plain last-writer-wins). */
  base: Record<string, unknown> | null | undefined;
  timestamp: string;
  clientGroupId: string;
  clockOf(field: string): FieldClock | undefined;
}

/**
 * Per-field merge of one mutation with the row as the server holds it. A field the device left as
 * it saw it is not written; one it changed from the value the server still holds is simply written.
 * A field that moved on since the device's base was changed concurrently by another device: the
 * later hybrid logical clock wins, and the other value is a conflict the user can restore. A device
 * that did not say what it saw (or had no copy of the row) cannot be told concurrent: its value is
 * written unless another device wrote the field later by the clocks, and then that value stands and
 * the device's is the conflict.
 */
export function mergeFields(input: MergeInput): { winners: Record<string, unknown>; conflicts: FieldConflict[] } {
  const winners: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  const lose = (field: string, value: unknown, server: unknown, clock: FieldClock) =>
    conflicts.push({ field, winning: server, losing: value, winningGroup: clock.clientGroupId, losingGroup: input.clientGroupId });
  for (const [field, value] of Object.entries(input.fields)) {
    const server = input.current?.fields[field];
    const saw = input.base === null ? { known: true, value: null } : input.base && field in input.base ? { known: true, value: input.base[field] } : { known: false, value: null };
    // A field the device sends as it saw it was not changed there: the server's value stands.
    if (input.current !== undefined && saw.known && sameValue(value, saw.value)) continue;
    if (!saw.known) {
      const later = laterClockElsewhere([input.clockOf(field)], input.timestamp, input.clientGroupId);
      if (!later) winners[field] = value;
      else if (!sameValue(server, value)) lose(field, value, server, later);
      continue;
    }
    const concurrent = input.current !== undefined && !sameValue(server, saw.value) && !sameValue(server, value);
    if (!concurrent) {
      winners[field] = value;
      continue;
    }
    const clock = input.clockOf(field) ?? { hlc: hlcOfDate(input.current!.updatedAt), clientGroupId: null };
    if (input.timestamp > clock.hlc) {
      winners[field] = value;
      conflicts.push({ field, winning: value, losing: server, winningGroup: input.clientGroupId, losingGroup: clock.clientGroupId });
    } else lose(field, value, server, clock);
  }
  return { winners, conflicts };
}
