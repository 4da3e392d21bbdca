import { tokenFromEmail } from "@/server/platform/email/testing";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema/email";
import { withTestDb } from "@/db/testing";
import { drainJobs } from "../../platform/jobs/runner";
import { callerFor, fieldPaths, rejectionOf, sessionFor } from "../../testing";
import { createSession, resolveSession } from "./sessions";
import { createUser, findUserById } from "./users";

/*
 * Hole 3 of issue 7: chains of emailed links that let whoever holds one link (or one stolen
 * session) outlast the owner's recovery.
 */

const handle = withTestDb();
const PASSWORD = "old horse battery";
let ipCounter = 0;
const anonymous = () => callerFor(handle.db, null, { ip: `198.18.7.${++ipCounter}` });

async function account(email: string) {
  const user = await createUser(handle.db, { email, password: PASSWORD });
  const sessionId = await createSession(handle.db, { userId: user.id, ip: "10.4.4.4", userAgent: null });
  return { user, sessionId, caller: callerFor(handle.db, sessionFor(user, sessionId), { ip: "10.4.4.4" }) };
}

async function expectDeadLink(promise: Promise<unknown>) {
  const error = await rejectionOf(promise, TRPCError);
  expect(error.code).toBe("BAD_REQUEST");
  expect(fieldPaths(error)).toEqual(["token"]);
}

describe("a password reset ends what a thief may have started", () => {
  it("a pending email change no longer confirms after the owner reset the password", async () => {
    const { user, sessionId, caller: thief } = await account("victim@example.com");
    await thief.auth.requestEmailChange({ newEmail: "thief@example.com", currentPassword: PASSWORD });
    const changeToken = await tokenFromEmail(handle.db, "thief@example.com", "confirm-email-change");

    await anonymous().auth.requestPasswordReset({ email: "victim@example.com" });
    await anonymous().auth.resetPassword({ token: await tokenFromEmail(handle.db, "victim@example.com", "reset-password"), password: "owner's new phrase" });

    await expectDeadLink(anonymous().auth.confirmEmailChange({ token: changeToken }));
    expect((await findUserById(handle.db, user.id))?.email).toBe("victim@example.com");
    expect(await resolveSession(handle.db, sessionId)).toBeNull();
  });
});

describe("a confirmed email change ends every other link of the account", () => {
  it("a reset link sent to the old address stops working, and the old address is told", async () => {
    const { user, caller } = await account("leaving@example.com");
    await anonymous().auth.requestPasswordReset({ email: "leaving@example.com" });
    const resetToken = await tokenFromEmail(handle.db, "leaving@example.com", "reset-password");

    await caller.auth.requestEmailChange({ newEmail: "arrived@example.com", currentPassword: PASSWORD });
    await anonymous().auth.confirmEmailChange({ token: await tokenFromEmail(handle.db, "arrived@example.com", "confirm-email-change") });

    await expectDeadLink(anonymous().auth.resetPassword({ token: resetToken, password: "somebody else's phrase" }));
    await drainJobs(handle.db, { timeoutMs: 20_000 });
    const [notice] = await handle.db.select().from(emailOutbox).where(and(eq(emailOutbox.to, "leaving@example.com"), eq(emailOutbox.tag, "email-changed")));
    expect(notice?.userId).toBe(user.id);
    expect(notice?.text).toContain("arrived@example.com");
    expect(notice?.text).not.toMatch(/token=/);
  });

  it("a verification link of the old address stops working too", async () => {
    const { caller } = await account("unverified-mover@example.com");
    await caller.auth.requestVerificationEmail();
    const verifyToken = await tokenFromEmail(handle.db, "unverified-mover@example.com", "verify-email");
    await caller.auth.requestEmailChange({ newEmail: "verified-by-change@example.com", currentPassword: PASSWORD });
    await anonymous().auth.confirmEmailChange({ token: await tokenFromEmail(handle.db, "verified-by-change@example.com", "confirm-email-change") });
    await expectDeadLink(anonymous().auth.verifyEmail({ token: verifyToken }));
  });
});

describe("one live link per purpose", () => {
  it("a new verification email replaces the link of the previous one", async () => {
    const { caller } = await account("twice@example.com");
    await caller.auth.requestVerificationEmail();
    const first = await tokenFromEmail(handle.db, "twice@example.com", "verify-email");
    await caller.auth.requestVerificationEmail();
    const second = await tokenFromEmail(handle.db, "twice@example.com", "verify-email");
    expect(second).not.toBe(first);
    await expectDeadLink(anonymous().auth.verifyEmail({ token: first }));
    expect(await anonymous().auth.verifyEmail({ token: second })).toEqual({ email: "twice@example.com" });
  });

  it("a new email change request replaces the earlier one", async () => {
    const { caller } = await account("undecided@example.com");
    await caller.auth.requestEmailChange({ newEmail: "first-choice@example.com", currentPassword: PASSWORD });
    const first = await tokenFromEmail(handle.db, "first-choice@example.com", "confirm-email-change");
    await caller.auth.requestEmailChange({ newEmail: "second-choice@example.com", currentPassword: PASSWORD });
    const second = await tokenFromEmail(handle.db, "second-choice@example.com", "confirm-email-change");
    await expectDeadLink(anonymous().auth.confirmEmailChange({ token: first }));
    expect(await anonymous().auth.confirmEmailChange({ token: second })).toEqual({ email: "second-choice@example.com" });
  });
});
