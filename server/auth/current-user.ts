import type { Database } from "@/db";
import type { SessionUser } from "../trpc";

/** The signed-in user of the current request, or null. Replaced by the Auth.js session lookup. */
export async function getSessionUser(_db: Database): Promise<SessionUser | null> {
  return null;
}
