import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recoveryCodes, totpCredentials } from "@/db/schema/two-factor";
import { withTestDb } from "@/db/testing";
import { callerFor, fieldPaths, rejectionOf, sessionFor } from "../../testing";
import { relyingParty } from "./relying-party";
import { SoftAuthenticator } from "./testing/soft-authenticator";
import { totpCodeAt } from "./totp";
import { createSession } from "../auth/sessions";
import { createUser } from "../auth/users";

const handle = withTestDb();
const PASSWORD = "correct horse battery";
let counter = 0;

async function signedInUser() {
  const user = await createUser(handle.db, { email: `two-factor-${++counter}@example.com`, password: PASSWORD });
  const sessionId = await createSession(handle.db, { userId: user.id, ip: "10.1.1.1", userAgent: "vitest" });
  return { user, caller: callerFor(handle.db, sessionFor(user, sessionId)) };
}

const failure = (promise: Promise<unknown>) => rejectionOf(promise, TRPCError);
/** A code of `secret` for another 30-second step than the ones already used (so it is not a replay). */
const codeIn = (secret: string, steps: number) => totpCodeAt(secret, new Date(Date.now() + steps * 30_000));

async function enrolled() {
  const { user, caller } = await signedInUser();
  const { secret } = await caller.twoFactor.beginTotp({ currentPassword: PASSWORD });
  const { recoveryCodes: codes } = await caller.twoFactor.confirmTotp({ code: codeIn(secret, 0) });
  return { user, caller, secret, codes };
}

describe("twoFactor enrolment", () => {
  it("needs the password to start, and stays off until a code from the app proves it", async () => {
    const { user, caller } = await signedInUser();
    expect(fieldPaths(await failure(caller.twoFactor.beginTotp({ currentPassword: "not the password" })))).toEqual(["currentPassword"]);

    const started = await caller.twoFactor.beginTotp({ currentPassword: PASSWORD });
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(await caller.twoFactor.status()).toMatchObject({ totpEnabled: false, totpPending: true });

    // The secret is stored encrypted, never as the base32 text.
    const [row] = await handle.db.select().from(totpCredentials).where(eq(totpCredentials.userId, user.id));
    expect(row?.secretEnc).toMatch(/^v1\./);
    expect(row?.secretEnc).not.toContain(started.secret);

    const wrong = await failure(caller.twoFactor.confirmTotp({ code: "000000" === codeIn(started.secret, 0) ? "111111" : "000000" }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(fieldPaths(wrong)).toEqual(["code"]);
    expect((await caller.twoFactor.status()).totpEnabled).toBe(false);

    const { recoveryCodes: codes } = await caller.twoFactor.confirmTotp({ code: codeIn(started.secret, 0) });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await caller.twoFactor.status()).toMatchObject({ totpEnabled: true, totpPending: false, recoveryCodesLeft: 10 });

    // Recovery codes are stored hashed only.
    const stored = await handle.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored.map((r) => r.codeHash).some((hash) => codes.some((code) => hash.includes(code.replace("-", ""))))).toBe(false);

    // A new enrolment cannot replace an enabled app.
    expect((await failure(caller.twoFactor.beginTotp({ currentPassword: PASSWORD }))).code).toBe("CONFLICT");
  });

  it("refuses a code used once already (replay), in the same step or an older one", async () => {
    const { caller, secret } = await enrolled();
    const used = codeIn(secret, 0);
    expect(fieldPaths(await failure(caller.twoFactor.regenerateRecoveryCodes({ code: used })))).toEqual(["code"]);
    expect(fieldPaths(await failure(caller.twoFactor.regenerateRecoveryCodes({ code: codeIn(secret, -1) })))).toEqual(["code"]);
    expect((await caller.twoFactor.regenerateRecoveryCodes({ code: codeIn(secret, 1) })).recoveryCodes).toHaveLength(10);
  });

  it("regenerating recovery codes ends the old ones; each code works once", async () => {
    const { caller, codes } = await enrolled();
    const fresh = (await caller.twoFactor.regenerateRecoveryCodes({ code: codes[0]! })).recoveryCodes;
    expect(fieldPaths(await failure(caller.twoFactor.regenerateRecoveryCodes({ code: codes[1]! })))).toEqual(["code"]);
    await caller.twoFactor.regenerateRecoveryCodes({ code: fresh[0]!.toUpperCase() });
    expect((await caller.twoFactor.status()).recoveryCodesLeft).toBe(10);
  });

  it("turning it off needs both the password and a code", async () => {
    const { caller, secret, codes } = await enrolled();
    expect(fieldPaths(await failure(caller.twoFactor.disable({ currentPassword: "wrong password", code: codeIn(secret, 1) })))).toEqual(["currentPassword"]);
    expect(fieldPaths(await failure(caller.twoFactor.disable({ currentPassword: PASSWORD, code: "123456" === codeIn(secret, 1) ? "654321" : "123456" })))).toEqual(["code"]);
    expect((await caller.twoFactor.status()).totpEnabled).toBe(true);
    expect(await caller.twoFactor.disable({ currentPassword: PASSWORD, code: codes[3]! })).toEqual({ disabled: true });
    expect(await caller.twoFactor.status()).toMatchObject({ totpEnabled: false, recoveryCodesLeft: 0 });
  });

  it("limits wrong codes on the settings page per user", async () => {
    const { caller } = await enrolled();
    const wrong = "zzzzz-zzzzz";
    for (let i = 0; i < 10; i++) await failure(caller.twoFactor.regenerateRecoveryCodes({ code: wrong }));
    expect((await failure(caller.twoFactor.regenerateRecoveryCodes({ code: wrong }))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("answers 400 with the field for bad input", async () => {
    const { caller } = await signedInUser();
    expect(fieldPaths(await failure(caller.twoFactor.confirmTotp({ code: "" })))).toEqual(["code"]);
    expect(fieldPaths(await failure(caller.twoFactor.confirmTotp({ code: "1".repeat(100) })))).toEqual(["code"]);
    expect(fieldPaths(await failure(caller.twoFactor.passkeys.rename({ id: "nope", name: "x" })))).toEqual(["id"]);
    expect(fieldPaths(await failure(caller.twoFactor.passkeys.rename({ id: crypto.randomUUID(), name: "Key\u0000" })))).toEqual(["name"]);
  });

  it("is for signed-in users only", async () => {
    const anonymous = callerFor(handle.db, null);
    expect((await failure(anonymous.twoFactor.status())).code).toBe("UNAUTHORIZED");
    expect((await failure(anonymous.twoFactor.beginTotp({ currentPassword: PASSWORD }))).code).toBe("UNAUTHORIZED");
  });
});

describe("twoFactor.passkeys", () => {
  it("registers a passkey behind the password, lists, renames and removes it; other users see none of it", async () => {
    const { caller } = await signedInUser();
    const authenticator = new SoftAuthenticator(relyingParty().origin);
    expect(fieldPaths(await failure(caller.twoFactor.passkeys.registrationOptions({ currentPassword: "wrong" })))).toEqual(["currentPassword"]);

    const options = await caller.twoFactor.passkeys.registrationOptions({ currentPassword: PASSWORD });
    expect(options.authenticatorSelection?.residentKey).toBe("required");
    const registered = await caller.twoFactor.passkeys.register({ response: authenticator.create(options), name: "Laptop" });
    expect(registered).toMatchObject({ name: "Laptop", lastUsedAt: null });
    expect((await caller.twoFactor.passkeys.list()).map((p) => p.name)).toEqual(["Laptop"]);

    // The challenge worked once.
    const replay = await failure(caller.twoFactor.passkeys.register({ response: authenticator.create(options), name: "Again" }));
    expect(fieldPaths(replay)).toEqual(["response"]);

    const other = (await signedInUser()).caller;
    expect(await other.twoFactor.passkeys.list()).toEqual([]);
    expect((await failure(other.twoFactor.passkeys.rename({ id: registered.id, name: "Mine now" }))).code).toBe("NOT_FOUND");
    expect((await failure(other.twoFactor.passkeys.remove({ id: registered.id }))).code).toBe("NOT_FOUND");

    expect((await caller.twoFactor.passkeys.rename({ id: registered.id, name: "Work laptop" })).name).toBe("Work laptop");
    expect(await caller.twoFactor.passkeys.remove({ id: registered.id })).toEqual({ removed: true });
    expect(await caller.twoFactor.passkeys.list()).toEqual([]);
  });

  it("refuses a credential made on another origin, or for a challenge issued to someone else", async () => {
    const { caller } = await signedInUser();
    const authenticator = new SoftAuthenticator(relyingParty().origin);
    const options = await caller.twoFactor.passkeys.registrationOptions({ currentPassword: PASSWORD });
    const phished = authenticator.create(options, "https://evil.example");
    expect(fieldPaths(await failure(caller.twoFactor.passkeys.register({ response: phished, name: "Phished" })))).toEqual(["response"]);

    const theirs = await caller.twoFactor.passkeys.registrationOptions({ currentPassword: PASSWORD });
    const other = (await signedInUser()).caller;
    expect(fieldPaths(await failure(other.twoFactor.passkeys.register({ response: authenticator.create(theirs), name: "Stolen" })))).toEqual(["response"]);
    expect(await caller.twoFactor.passkeys.list()).toEqual([]);
  });
});
