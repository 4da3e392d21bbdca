import { tokenFromEmail } from "@/server/platform/email/testing";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema/email";
import { users } from "@/db/schema/auth";
import { withTestDb } from "@/db/testing";
import { drainJobs } from "../../platform/jobs/runner";
import { callerFor, fieldPaths, rejectionOf, sessionFor } from "../../testing";
import { beginLoginAttempt, LOGIN_LIMITS } from "./login-throttle";
import { verifyPassword } from "./password";
import { createSession, resolveSession } from "./sessions";
import { createUser, findUserByEmail } from "./users";

const handle = withTestDb();
let ipCounter = 0;

/** A fresh IP per anonymous caller, so the per-IP request limits of one test do not leak into another. */
function anonymous(ip = `198.18.0.${++ipCounter}`) {
  return callerFor(handle.db, null, { ip, userAgent: "vitest" });
}

async function signIn(email: string, userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0") {
  const user = await findUserByEmail(handle.db, email);
  if (!user) throw new Error(`no user ${email}`);
  const sessionId = await createSession(handle.db, { userId: user.id, ip: "10.9.9.9", userAgent });
  const sessionUser = sessionFor(user, sessionId);
  return { user: sessionUser, caller: callerFor(handle.db, sessionUser, { ip: "10.9.9.9", userAgent }) };
}

/** The tRPC error `promise` fails with (see `fieldPaths` for the fields it names). */
const failure = (promise: Promise<unknown>) => rejectionOf(promise, TRPCError);

describe("auth.register → verification email → auth.verifyEmail", () => {
  it("creates an unverified account, emails a link and verifies it once", async () => {
    const created = await anonymous().auth.register({ email: " New.Person@Example.com ", password: "correct horse battery", name: "New Person" });
    expect(created.email).toBe("new.person@example.com");
    const { caller } = await signIn("new.person@example.com");
    expect(await caller.auth.me()).toMatchObject({ email: "new.person@example.com", emailVerified: false, hasPassword: true, role: "user" });

    const token = await tokenFromEmail(handle.db, "new.person@example.com", "verify-email", "verify-email");
    expect(await anonymous().auth.verifyEmail({ token })).toEqual({ email: "new.person@example.com" });
    expect((await caller.auth.me()).emailVerified).toBe(true);

    const again = await failure(anonymous().auth.verifyEmail({ token }));
    expect(again.code).toBe("BAD_REQUEST");
    expect(fieldPaths(again)).toEqual(["token"]);
  });

  it("rejects weak passwords and bad addresses with field errors", async () => {
    expect(fieldPaths(await failure(anonymous().auth.register({ email: "weak@example.com", password: "password123" })))).toEqual(["password"]);
    expect(fieldPaths(await failure(anonymous().auth.register({ email: "short@example.com", password: "abc" })))).toEqual(["password"]);
    expect((await failure(anonymous().auth.register({ email: "not-an-email", password: "correct horse battery" }))).code).toBe("BAD_REQUEST");
  });

  it("limits registrations per IP with 429", async () => {
    const caller = anonymous("198.19.0.1");
    for (let i = 0; i < 10; i++) await caller.auth.register({ email: `bulk-${i}@example.com`, password: "correct horse battery" });
    const limited = await failure(caller.auth.register({ email: "bulk-x@example.com", password: "correct horse battery" }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect((limited.cause as { retryAfter?: number }).retryAfter).toBeGreaterThan(0);
  });

  it("requestVerificationEmail sends a new link, or reports an address already verified", async () => {
    await createUser(handle.db, { email: "resend@example.com", password: "correct horse battery" });
    const { caller } = await signIn("resend@example.com");
    expect(await caller.auth.requestVerificationEmail()).toEqual({ alreadyVerified: false });
    const token = await tokenFromEmail(handle.db, "resend@example.com", "verify-email", "verify-email");
    await anonymous().auth.verifyEmail({ token });
    expect(await caller.auth.requestVerificationEmail()).toEqual({ alreadyVerified: true });
    expect((await failure(anonymous().auth.requestVerificationEmail())).code).toBe("UNAUTHORIZED");
  });
});

describe("password reset", () => {
  it("answers the same for unknown addresses and sends nothing", async () => {
    expect(await anonymous().auth.requestPasswordReset({ email: "ghost@example.com" })).toEqual({ ok: true });
    await drainJobs(handle.db, { timeoutMs: 10_000 });
    expect(await handle.db.select().from(emailOutbox).where(eq(emailOutbox.to, "ghost@example.com"))).toHaveLength(0);
  });

  it("resets through a single-use link, signs out every session and lifts sign-in lockouts", async () => {
    await createUser(handle.db, { email: "forgetful@example.com", password: "old horse battery" });
    const { user } = await signIn("forgetful@example.com");
    for (let i = 0; i < LOGIN_LIMITS.accountIp + 1; i++) await beginLoginAttempt(handle.db, { email: "forgetful@example.com", ip: "10.7.7.7" });

    await anonymous().auth.requestPasswordReset({ email: "Forgetful@example.com" });
    const token = await tokenFromEmail(handle.db, "forgetful@example.com", "reset-password", "reset-password");

    expect(fieldPaths(await failure(anonymous().auth.resetPassword({ token, password: "qwerty123" })))).toEqual(["password"]);
    expect(await anonymous().auth.resetPassword({ token, password: "new horse battery" })).toEqual({ email: "forgetful@example.com" });

    const stored = await findUserByEmail(handle.db, "forgetful@example.com");
    expect(await verifyPassword(stored?.passwordHash ?? "", "new horse battery")).toBe(true);
    expect(stored?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await resolveSession(handle.db, user.sessionId)).toBeNull();
    expect((await beginLoginAttempt(handle.db, { email: "forgetful@example.com", ip: "10.7.7.7" })).allowed).toBe(true);

    expect(fieldPaths(await failure(anonymous().auth.resetPassword({ token, password: "third horse battery" })))).toEqual(["token"]);
  });

  it("limits reset requests per address with 429", async () => {
    const caller = anonymous();
    for (let i = 0; i < 3; i++) await caller.auth.requestPasswordReset({ email: "spam-target@example.com" });
    expect((await failure(caller.auth.requestPasswordReset({ email: "spam-target@example.com" }))).code).toBe("TOO_MANY_REQUESTS");
  });
});

describe("auth.changePassword", () => {
  it("needs the right current password (field currentPassword)", async () => {
    await createUser(handle.db, { email: "changer@example.com", password: "old horse battery" });
    const { caller } = await signIn("changer@example.com");
    const wrong = await failure(caller.auth.changePassword({ currentPassword: "not it at all", newPassword: "new horse battery", signOutOthers: true }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(fieldPaths(wrong)).toEqual(["currentPassword"]);
    const weak = await failure(caller.auth.changePassword({ currentPassword: "old horse battery", newPassword: "iloveyou", signOutOthers: true }));
    expect(fieldPaths(weak)).toEqual(["newPassword"]);
  });

  it("changes the password and signs out the other sessions only when asked", async () => {
    await createUser(handle.db, { email: "rotator@example.com", password: "old horse battery" });
    const phone = await signIn("rotator@example.com", "iPhone Safari");
    const laptop = await signIn("rotator@example.com");
    expect(await laptop.caller.auth.changePassword({ currentPassword: "old horse battery", newPassword: "new horse battery", signOutOthers: false })).toEqual({
      signedOutSessions: 0,
    });
    expect(await resolveSession(handle.db, phone.user.sessionId)).not.toBeNull();
    expect(await laptop.caller.auth.changePassword({ currentPassword: "new horse battery", newPassword: "third horse battery", signOutOthers: true })).toEqual({
      signedOutSessions: 1,
    });
    expect(await resolveSession(handle.db, phone.user.sessionId)).toBeNull();
    expect(await resolveSession(handle.db, laptop.user.sessionId)).not.toBeNull();
  });
});

describe("email change", () => {
  it("sends the link to the new address and switches (verified) only when it is followed", async () => {
    await createUser(handle.db, { email: "mover@example.com", password: "old horse battery" });
    const { caller } = await signIn("mover@example.com");
    const wrong = await failure(caller.auth.requestEmailChange({ newEmail: "moved@example.com", currentPassword: "wrong password!" }));
    expect(fieldPaths(wrong)).toEqual(["currentPassword"]);

    expect(await caller.auth.requestEmailChange({ newEmail: "Moved@Example.com", currentPassword: "old horse battery" })).toEqual({ pendingEmail: "moved@example.com" });
    const token = await tokenFromEmail(handle.db, "moved@example.com", "confirm-email-change", "confirm-email");
    expect((await caller.auth.me()).email).toBe("mover@example.com");

    expect(await anonymous().auth.confirmEmailChange({ token })).toEqual({ email: "moved@example.com" });
    expect(await caller.auth.me()).toMatchObject({ email: "moved@example.com", emailVerified: true });
    expect(fieldPaths(await failure(anonymous().auth.confirmEmailChange({ token })))).toEqual(["token"]);
  });

  it("refuses the address the account already has", async () => {
    await createUser(handle.db, { email: "first@example.com", password: "old horse battery" });
    const { caller } = await signIn("first@example.com");
    expect(fieldPaths(await failure(caller.auth.requestEmailChange({ newEmail: "first@example.com", currentPassword: "old horse battery" })))).toEqual(["newEmail"]);
  });
});

describe("sessions procedures", () => {
  it("lists sessions with the current one flagged, revokes one, and signs out the others", async () => {
    await createUser(handle.db, { email: "multi@example.com", password: "old horse battery" });
    const a = await signIn("multi@example.com");
    const b = await signIn("multi@example.com", "Mozilla/5.0 (iPhone) Safari/604.1");
    const c = await signIn("multi@example.com", "Mozilla/5.0 (Windows NT 10.0) Firefox/127.0");

    const list = await a.caller.auth.listSessions();
    expect(list).toHaveLength(3);
    expect(list.filter((s) => s.current).map((s) => s.id)).toEqual([a.user.sessionId]);

    expect(await a.caller.auth.revokeSession({ id: b.user.sessionId })).toEqual({ revoked: true, current: false });
    expect(await resolveSession(handle.db, b.user.sessionId)).toBeNull();
    expect((await failure(a.caller.auth.revokeSession({ id: b.user.sessionId }))).code).toBe("NOT_FOUND");

    expect(await a.caller.auth.signOutOtherSessions()).toEqual({ signedOutSessions: 1 });
    expect(await resolveSession(handle.db, c.user.sessionId)).toBeNull();
    expect((await a.caller.auth.listSessions()).map((s) => s.id)).toEqual([a.user.sessionId]);
  });

  it("answers NOT_FOUND for another user's session (and leaves it alone)", async () => {
    await createUser(handle.db, { email: "alice@example.com", password: "old horse battery" });
    await createUser(handle.db, { email: "mallory@example.com", password: "old horse battery" });
    const alice = await signIn("alice@example.com");
    const mallory = await signIn("mallory@example.com");
    expect((await failure(mallory.caller.auth.revokeSession({ id: alice.user.sessionId }))).code).toBe("NOT_FOUND");
    expect((await failure(mallory.caller.auth.revokeSession({ id: "garbage" }))).code).toBe("NOT_FOUND");
    expect(await resolveSession(handle.db, alice.user.sessionId)).not.toBeNull();
  });
});

describe("auth.me and access control", () => {
  it("reports role and verification, and needs a session", async () => {
    await createUser(handle.db, { email: "boss@example.com", password: "old horse battery", role: "admin", verified: true, name: "Boss" });
    const { caller, user } = await signIn("boss@example.com");
    expect(await caller.auth.me()).toEqual({
      id: user.id,
      email: "boss@example.com",
      name: "Boss",
      role: "admin",
      emailVerified: true,
      hasPassword: true,
      sessionId: user.sessionId,
    });
    expect((await failure(anonymous().auth.me())).code).toBe("UNAUTHORIZED");
  });

  it("answers UNAUTHORIZED to a session whose user was deleted", async () => {
    const doomed = await createUser(handle.db, { email: "doomed@example.com", password: "old horse battery" });
    const { caller } = await signIn("doomed@example.com");
    await handle.db.delete(users).where(eq(users.id, doomed.id));
    expect((await failure(caller.auth.me())).code).toBe("UNAUTHORIZED");
  });
});

describe("auth.ping", () => {
  it("answers a constant to a signed-in caller and refuses anonymous ones", async () => {
    await createUser(handle.db, { email: "pinger@example.com", password: "old horse battery" });
    const { caller } = await signIn("pinger@example.com");
    expect(await caller.auth.ping()).toEqual({ ok: true });
    expect((await failure(anonymous().auth.ping())).code).toBe("UNAUTHORIZED");
  });
});
