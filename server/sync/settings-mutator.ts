import type { Database } from "@/db";
import { locatorKey } from "./protocol";
import { presentFields, type MutationDef } from "./define";
import { serverMutator, type MutatorContext, type RowState, type ServerMutator } from "./mutators";

/**
 * The server side of a mutation of the user's one settings row (locate {}): its fields are the
 * row's columns (`fieldsOf` maps the few that differ), written by the settings' update function.
 */
export function settingsMutator<A, R extends { updatedAt: Date }>(
  def: MutationDef<A>,
  settings: {
    read(db: Database, userId: string): Promise<R>;
    write(db: Database, context: MutatorContext, args: A): Promise<unknown>;
    fieldsOf?(row: R): Record<string, unknown>;
  },
): ServerMutator<A> {
  return serverMutator({
    def,
    current: async (db, userId) => {
      const row = await settings.read(db, userId);
      const state: RowState = { fields: settings.fieldsOf?.(row) ?? presentFields(row), updatedAt: row.updatedAt };
      return new Map([[locatorKey({}), state]]);
    },
    apply: async (db, context, items) => {
      for (const item of items) await settings.write(db, context, item.args);
    },
  });
}
