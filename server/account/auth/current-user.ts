import type { Database } from "@/db";
import type { SessionUser } from "../../trpc";
import { auth } from "./index";

/**
 * The signed-in user of the current request, or null. `auth()` runs the JWT callback, which
 * checks the `auth_sessions` row (revoked, expired or deleted → null) and throttles last_seen_at
 * updates; it uses the process database, which is the `db` callers pass in.
 */
export async function getSessionUser(_db: Database): Promise<SessionUser | null> {
  const session = await auth();
  const user = session?.user;
  const sessionId = session?.sessionId;
  if (!user?.id || !user.email || !sessionId) return null;
  return { id: user.id, email: user.email, name: user.name ?? null, role: user.role === "admin" ? "admin" : "user", sessionId };
}
