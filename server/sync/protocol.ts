import { z } from "zod";
import { singleLineText } from "../inputs";
import { HLC_PATTERN } from "./hlc";

/**
 * The push/pull protocol (Replicache-style), safe to import from the client. Rows travel as the
 * archive renders them (server/account/privacy/archive): SQL column names, encrypted `*_enc`
 * columns decrypted under their plain name, timestamps as Postgres prints them.
 */

/**
 * Bumped whenever a synced table's columns or a mutation's meaning change: a client holding a cookie of
 * another schema is told to reset (drop its copy and pull again from the start; its outbox is kept).
 */
export const SYNC_SCHEMA_VERSION = 1;

/** Most mutations one push may carry; a client with more pushes again. */
export const MAX_PUSH_MUTATIONS = 1_000;
/** Changes per pull page by default, and the most a client may ask for. */
export const PULL_PAGE = 5_000;
export const MAX_PULL_PAGE = 20_000;

const clientIdSchema = z.string().regex(/^[\w-]{8,64}$/, "Use 8 to 64 letters, digits, - or _.");

export const mutationSchema = z.object({
  /** Per client, 1, 2, 3…: the server runs each id once. */
  id: z.number().int().positive(),
  name: singleLineText({ min: 1, minMessage: "Name the mutation.", max: 100 }),
  args: z.unknown(),
  /** The client's hybrid logical clock when the user made the change. */
  timestamp: z.string().regex(HLC_PATTERN, "Not a hybrid logical clock."),
  /**
   * The values the client saw in the fields it changes (null: the row did not exist there). A field
   * whose server value has moved on since then was changed concurrently by another device.
   */
  base: z.record(singleLineText({ max: 100 }), z.unknown()).nullable().optional(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushInput = z.object({
  clientGroupId: clientIdSchema,
  clientId: clientIdSchema,
  /** What the browser calls itself, shown beside its values on the conflicts page. */
  deviceLabel: singleLineText({ max: 100 }).optional(),
  mutations: z.array(mutationSchema).max(MAX_PUSH_MUTATIONS, `Push at most ${MAX_PUSH_MUTATIONS} mutations at a time.`),
});
export type PushInput = z.infer<typeof pushInput>;

export const rejectionSchema = z.object({ id: z.number(), name: z.string(), reason: z.string(), message: z.string() });
export type Rejection = z.infer<typeof rejectionSchema>;

export const pushResult = z.object({
  lastMutationId: z.number(),
  applied: z.number(),
  /** Replays of ids the server had already run. */
  skipped: z.number(),
  rejected: z.array(rejectionSchema),
  conflicts: z.number(),
});
export type PushResult = z.infer<typeof pushResult>;

export const pullInput = z.object({
  clientGroupId: clientIdSchema,
  /** null on a first pull (or after a reset). */
  cookie: singleLineText({ max: 40 }).nullable(),
  limit: z.number().int().min(1).max(MAX_PULL_PAGE).optional(),
});
export type PullInput = z.infer<typeof pullInput>;

export type SyncRow = Record<string, unknown>;
export const changeSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("put"), table: z.string(), key: z.string(), version: z.number(), row: z.record(z.string(), z.unknown()) }),
  z.object({ op: z.literal("del"), table: z.string(), key: z.string(), version: z.number() }),
]);
export type Change = z.infer<typeof changeSchema>;

export const pullResult = z.object({
  /** The cookie to send next; unchanged when nothing changed. */
  cookie: z.string(),
  /** The client's cookie is of another schema (or of the future): drop the local copy and pull from null. */
  reset: z.boolean(),
  /** Changes in version order. */
  changes: z.array(changeSchema),
  /** More changes wait beyond this page: pull again at once with the new cookie. */
  more: z.boolean(),
  /** The last mutation id the server ran for each client of the group. */
  lastMutationIds: z.record(z.string(), z.number()),
  /** The server's clock, for the client's hybrid logical clock. */
  serverTime: z.string(),
});
export type PullResult = z.infer<typeof pullResult>;

export const encodeCookie = (version: number): string => `${SYNC_SCHEMA_VERSION}:${version}`;

/** The version a cookie carries, or "reset" when it is of another schema or unreadable. */
export function decodeCookie(cookie: string | null): number | "reset" {
  if (cookie === null) return 0;
  const match = /^(\d+):(\d+)$/.exec(cookie);
  if (!match || Number(match[1]) !== SYNC_SCHEMA_VERSION) return "reset";
  return Number(match[2]);
}

/** A row's key in pulls and tombstones: its primary key values joined with "/". */
export const rowKeyOf = (row: SyncRow, keyColumns: readonly string[]): string => keyColumns.map((c) => String(row[c])).join("/");

/** Canonical JSON (sorted keys) of a mutation's row locator: the key of field clocks and conflicts. */
export function locatorKey(locator: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(locator).sort(([a], [b]) => a.localeCompare(b))));
}
