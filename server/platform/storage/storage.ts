import type { Readable } from "node:stream";

/**
 * Where BioSync keeps files it writes for a user (exports, archives): a local folder by default,
 * S3-compatible storage when configured. Keys are paths such as `users/<userId>/exports/<id>.csv`;
 * everything of one user lives under `userPrefix(userId)`, so erasure removes one prefix.
 */
export interface FileStorage {
  /** Which backend this is, for logs and the admin console ("local" | "s3"). */
  readonly name: string;
  /** Writes the body under `key` (replacing any file there) and returns its size. */
  put(key: string, body: AsyncIterable<Uint8Array | string>, options?: { contentType?: string }): Promise<{ bytes: number }>;
  /** The file's bytes, or null when there is none. */
  get(key: string): Promise<{ body: Readable; bytes: number } | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every file whose key starts with `prefix` and returns how many there were. */
  deletePrefix(prefix: string): Promise<number>;
  /** Keys under `prefix` (for tests and erasure's receipt). */
  list(prefix: string): Promise<string[]>;
}

/** The prefix every file of one user is stored under. */
export function userPrefix(userId: string): string {
  return `users/${userId}/`;
}

/** A key under the user's prefix, e.g. `userFileKey(id, "exports", "<exportId>.csv")`. */
export function userFileKey(userId: string, ...parts: string[]): string {
  for (const part of parts) {
    if (!/^[A-Za-z0-9._-]+$/.test(part) || part === "." || part === "..") throw new Error(`Unsafe file key part "${part}"`);
  }
  return userPrefix(userId) + parts.join("/");
}
