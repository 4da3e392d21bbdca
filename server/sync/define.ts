import type { z } from "zod";
import type { SyncRow } from "./protocol";

/**
 * A mutation a device may queue while offline, safe to import from the client: which synced row it
 * writes and which fields, in both directions (args ⇄ fields), so that the client can apply it to its
 * copy at once and the server can merge it field by field with what other devices wrote. The server
 * side (current values, the domain function that writes) is a ServerMutator (server/sync/mutators.ts).
 */
export interface MutationDef<A = unknown> {
  name: string;
  /** The SQL name of the synced table whose row it writes. */
  table: string;
  kind: "put" | "delete";
  args: z.ZodType<A>;
  /** The columns that find the row among the user's (a unique key without the owner); {} for the user's one row. */
  locate(args: A): Record<string, unknown>;
  /** The fields it sets, by column name (or a virtual field a page composes, like an entry's tag names). */
  fields(args: A): Record<string, unknown>;
  /** The args that write these fields at this row (the inverse of locate + fields; a restore writes one field back). */
  argsOf(locator: Record<string, unknown>, fields: Record<string, unknown>): A;
  /** The row's columns these fields stand for, when they are not columns themselves (default: the fields). */
  toRow?(fields: Record<string, unknown>): SyncRow;
  /**
   * The virtual fields as a device's copy holds them, read from other synced tables (an entry's tag
   * names from its links), so that the device can say what it saw in them: `tables` are those read.
   */
  local?: { tables: readonly string[]; fields(row: SyncRow, rowsOf: (table: string) => SyncRow[]): Record<string, unknown> };
  /** Words for the conflicts page. */
  label: { row(locator: Record<string, unknown>): string; fields: Record<string, string> };
}

export const defineMutation = <A, N extends string>(def: MutationDef<A> & { name: N }): MutationDef<A> & { name: N } => def;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Fields of a partial settings update: its present keys, as column names. */
export const presentFields = <A extends object>(args: A): Record<string, unknown> =>
  Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined).map(([key, value]) => [snake(key), value]));

/** The partial update that sets these column-named fields. */
export const updateOf = <A>(fields: Record<string, unknown>): A => Object.fromEntries(Object.entries(fields).map(([key, value]) => [camel(key), value])) as A;

/** Equal as the server stores them (JSON values; arrays of names compare as sets). */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): string => JSON.stringify(Array.isArray(v) ? [...v].map(String).sort() : (v ?? null));
  return norm(a) === norm(b);
}
