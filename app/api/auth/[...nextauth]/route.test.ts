import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDbHandle, type DbHandle } from "@/db";
import { createTestDb } from "@/db/testing";
import { createSession, resolveSession } from "@/server/account/auth/sessions";
import { createUser } from "@/server/account/auth/users";

const SECRET = "route-test-secret-route-test-secret-0123456789";
const SESSION_COOKIE = "authjs.session-token";
const ORIGIN = "http://localhost:3000";

let handle: DbHandle;
let routes: typeof import("./route");

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", SECRET);
  handle = await createTestDb();
  // Auth.js callbacks use the process database.
  setDbHandle(handle);
  routes = await import("./route");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await handle.close();
});

/** The session cookie a browser holds after signing in through session `sid`. */
async function sessionCookie(userId: string, sid: string): Promise<string> {
  const value = await encode({ token: { sub: userId, sid }, secret: SECRET, salt: SESSION_COOKIE });
  return `${SESSION_COOKIE}=${value}`;
}

/** The cookies of a response, as `name=value` pairs. */
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

describe("Auth.js's own /api/auth/signout", () => {
  it("revokes the database session: the copied cookie's session is dead afterwards", async () => {
    const user = await createUser(handle.db, { email: "leaver@example.com", password: "old horse battery" });
    const sid = await createSession(handle.db, { userId: user.id, ip: null, userAgent: null });
    const session = await sessionCookie(user.id, sid);

    const csrf = await routes.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`, { headers: { cookie: session } }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = [session, ...cookiesOf(csrf)].join("; ");

    const signedOut = await routes.POST(
      new NextRequest(`${ORIGIN}/api/auth/signout`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/" }),
      }),
    );
    expect(signedOut.status).toBeLessThan(400);
    expect(cookiesOf(signedOut)).toContain(`${SESSION_COOKIE}=`);
    expect(await resolveSession(handle.db, sid)).toBeNull();

    // The old cookie, replayed: Auth.js's session endpoint finds nobody signed in.
    const replay = await routes.GET(new NextRequest(`${ORIGIN}/api/auth/session`, { headers: { cookie: session } }));
    expect(await replay.json()).toBeNull();
  });
});
