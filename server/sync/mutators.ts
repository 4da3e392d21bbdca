import type { Database } from "@/db";
import type { MutationDef } from "./define";

/** Who a mutation runs for (the push's caller). */
export interface MutatorContext {
  userId: string;
  ip: string | null;
}

/** A row's values in its mutations' field vocabulary, and when it was last written. */
export interface RowState {
  fields: Record<string, unknown>;
  updatedAt: Date;
}

/**
 * The server side of a MutationDef: how to read the fields it merges with, and the domain function
 * that writes them (the one the page's procedure calls: its validation, ownership and audit apply).
 * `apply` gets each row once, with the args of its merged fields; it may throw an AppError for a
 * mutation the domain refuses (the push then rejects that row's mutations and goes on).
 */
export interface ServerMutator<A = unknown> {
  def: MutationDef<A>;
  /** The current fields of the user's rows at these locators, by locatorKey (absent: no such row). */
  current(db: Database, userId: string, locators: readonly Record<string, unknown>[]): Promise<Map<string, RowState>>;
  apply(db: Database, context: MutatorContext, items: readonly { locator: Record<string, unknown>; args: A }[]): Promise<void>;
}

export const serverMutator = <A>(mutator: ServerMutator<A>): ServerMutator<A> => mutator;
