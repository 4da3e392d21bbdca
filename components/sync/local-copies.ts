import type { SyncEngine } from "./engine";

const engines = new Map<string, SyncEngine>();

/** The engine a SyncProvider runs for `userId`, so that sign-out can stop it before dropping its data. */
export function registerEngine(userId: string, engine: SyncEngine): () => void {
  engines.set(userId, engine);
  return () => {
    if (engines.get(userId) === engine) engines.delete(userId);
  };
}

/** Sign-out on a shared computer: stop the user's engine and delete their local copy (rows, outbox, state). */
export async function clearLocalSync(userId: string): Promise<void> {
  const engine = engines.get(userId);
  engines.delete(userId);
  engine?.stop();
  engine?.db.close();
  const { deleteSyncStore } = await import("./store");
  await deleteSyncStore(userId);
}

/** Sign-out: every local copy this tab runs goes (the shell does not know the user id client-side). */
export async function clearRunningLocalSync(): Promise<void> {
  await Promise.all([...engines.keys()].map(clearLocalSync));
}
