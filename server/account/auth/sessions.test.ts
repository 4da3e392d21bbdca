import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authSessions, users } from "@/db/schema/auth";
import { withTestDb } from "@/db/testing";
import { createSession, LAST_SEEN_RESOLUTION_MS, listActiveSessions, resolveSession, revokeOtherSessions, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { createUser } from "./users";

const handle = withTestDb();

const t0 = new Date("2030-03-01T08:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

async function lastSeen(id: string): Promise<Date | undefined> {
  const [row] = await handle.db.select({ lastSeenAt: authSessions.lastSeenAt }).from(authSessions).where(eq(authSessions.id, id));
  return row?.lastSeenAt;
}

describe("resolveSession (the per-request check behind getSessionUser)", () => {
  it("returns the user of a live session, with its id", async () => {
    const user = await createUser(handle.db, { email: "live@example.com", name: "Liv", role: "admin" });
    const sid = await createSession(handle.db, { userId: user.id, ip: "10.0.0.1", userAgent: "Firefox/1", now: t0 });
    expect(await resolveSession(handle.db, sid, later(1000))).toEqual({ id: user.id, email: user.email, name: "Liv", role: "admin", sessionId: sid });
  });

  it("returns null on the very next request after a revocation", async () => {
    const user = await createUser(handle.db, { email: "revoked@example.com" });
    const sid = await createSession(handle.db, { userId: user.id, ip: null, userAgent: null, now: t0 });
    expect(await resolveSession(handle.db, sid, later(1))).not.toBeNull();
    expect(await revokeSession(handle.db, user.id, sid)).toBe(true);
    expect(await resolveSession(handle.db, sid, later(2))).toBeNull();
  });

  it("returns null for an expired session, a deleted user and garbage ids", async () => {
    const user = await createUser(handle.db, { email: "expired@example.com" });
    const sid = await createSession(handle.db, { userId: user.id, ip: null, userAgent: null, now: t0 });
    expect(await resolveSession(handle.db, sid, later(SESSION_MAX_AGE_SECONDS * 1000))).toBeNull();

    const gone = await createUser(handle.db, { email: "deleted@example.com" });
    const goneSid = await createSession(handle.db, { userId: gone.id, ip: null, userAgent: null, now: t0 });
    await handle.db.delete(users).where(eq(users.id, gone.id));
    expect(await resolveSession(handle.db, goneSid, later(1))).toBeNull();

    expect(await resolveSession(handle.db, "not-a-uuid")).toBeNull();
    expect(await resolveSession(handle.db, crypto.randomUUID())).toBeNull();
  });

  it("writes last_seen_at at most once per resolution interval", async () => {
    const user = await createUser(handle.db, { email: "seen@example.com" });
    const sid = await createSession(handle.db, { userId: user.id, ip: null, userAgent: null, now: t0 });
    await resolveSession(handle.db, sid, later(LAST_SEEN_RESOLUTION_MS - 1));
    expect(await lastSeen(sid)).toEqual(t0);
    await resolveSession(handle.db, sid, later(LAST_SEEN_RESOLUTION_MS));
    expect(await lastSeen(sid)).toEqual(later(LAST_SEEN_RESOLUTION_MS));
  });
});

describe("session management", () => {
  it("lists active sessions, flags the current one, and revokes only the owner's", async () => {
    const owner = await createUser(handle.db, { email: "owner@example.com" });
    const stranger = await createUser(handle.db, { email: "stranger@example.com" });
    const now = new Date();
    const current = await createSession(handle.db, { userId: owner.id, ip: "10.1.1.1", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0", now });
    const other = await createSession(handle.db, { userId: owner.id, ip: "10.1.1.2", userAgent: "Mozilla/5.0 (iPhone) Safari/604.1", now });
    const strangers = await createSession(handle.db, { userId: stranger.id, ip: "10.1.1.3", userAgent: null, now });

    const list = await listActiveSessions(handle.db, owner.id, current);
    expect(list.map((s) => [s.id, s.current, s.device]).sort()).toEqual(
      [
        [current, true, "Chrome on Linux"],
        [other, false, "Safari on iOS"],
      ].sort(),
    );

    expect(await revokeSession(handle.db, owner.id, strangers)).toBe(false);
    expect(await resolveSession(handle.db, strangers)).not.toBeNull();

    expect(await revokeOtherSessions(handle.db, owner.id, current)).toBe(1);
    expect((await listActiveSessions(handle.db, owner.id, current)).map((s) => s.id)).toEqual([current]);
    expect(await resolveSession(handle.db, other)).toBeNull();
  });
});
