import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authAccounts, users } from "@/db/schema/auth";
import { withTestDb } from "@/db/testing";
import { signInErrorMessage } from "@/components/auth/messages";
import { authenticateWithPassword } from "./credentials";
import { completeGoogleSignIn } from "./google";
import { createSession, resolveSession } from "./sessions";
import { ACCOUNT_DISABLED_MESSAGE } from "./sign-in-errors";
import { createUser, isAccountDisabled } from "./users";

const test = withTestDb();
const noWait = { wait: async () => {} };
const PASSWORD = "Disabled-account-passphrase-3";

async function disabledUser(label: string) {
  const user = await createUser(test.db, { email: `${label}@disabled.example`, password: PASSWORD, verified: true });
  const sessionId = await createSession(test.db, { userId: user.id, ip: null, userAgent: null });
  await test.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
  return { user, sessionId };
}

describe("a disabled account", () => {
  it("cannot sign in with its password; a wrong password still gets the usual answer", async () => {
    const { user } = await disabledUser("password");
    await expect(authenticateWithPassword(test.db, { email: user.email, password: PASSWORD, ip: "203.0.113.20" }, noWait)).resolves.toEqual({ ok: false, reason: "disabled" });
    await expect(authenticateWithPassword(test.db, { email: user.email, password: "Not-the-password-1", ip: "203.0.113.20" }, noWait)).resolves.toEqual({ ok: false, reason: "invalid" });
  });

  it("cannot sign in with a linked Google account, nor link one", async () => {
    const { user } = await disabledUser("google");
    const profile = { providerAccountId: "google-disabled-sub", email: user.email, emailVerified: true, name: null, image: null };
    await expect(completeGoogleSignIn(test.db, profile)).resolves.toEqual({ ok: false, reason: "AccountDisabled" });
    expect(await test.db.select().from(authAccounts).where(eq(authAccounts.userId, user.id))).toEqual([]);
    await test.db.insert(authAccounts).values({ provider: "google", providerAccountId: "google-disabled-sub", userId: user.id });
    await expect(completeGoogleSignIn(test.db, profile)).resolves.toEqual({ ok: false, reason: "AccountDisabled" });
  });

  it("is signed out: the session check of the JWT callback finds no user", async () => {
    const { user, sessionId } = await disabledUser("session");
    expect(await resolveSession(test.db, sessionId)).toBeNull();
    expect(await isAccountDisabled(test.db, user.id)).toBe(true);
    await test.db.update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    expect(await isAccountDisabled(test.db, user.id)).toBe(false);
  });

  it("is told so on the sign-in page, for the password form and for Google", () => {
    expect(ACCOUNT_DISABLED_MESSAGE).toMatch(/disabled/);
    expect(signInErrorMessage("CredentialsSignin", "account_disabled")).toMatch(/disabled/);
    expect(signInErrorMessage("AccountDisabled")).toMatch(/disabled/);
  });
});
