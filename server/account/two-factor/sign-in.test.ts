import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/server/request";
import { setDbHandle } from "@/db";
import { withTestDb } from "@/db/testing";
import { callerFor, sessionFor } from "../../testing";
import { buildAuthConfig } from "../auth/config";
import { authenticateWithPassword } from "../auth/credentials";
import { LOGIN_LIMITS } from "../auth/login-throttle";
import { createSession, listActiveSessions } from "../auth/sessions";
import { SignInThrottled } from "../auth/sign-in-errors";
import { createUser } from "../auth/users";
import { PASSKEY_PROVIDER, SECOND_FACTOR_PROVIDER } from "./auth-providers";
import { relyingParty } from "./relying-party";
import { completeSecondStep, passkeySignInOptions, secondStepPasskeyOptions, startSecondStep, type SecondStepProof } from "./sign-in";
import { InvalidPasskey, SecondFactorRequired, SecondStepExpired } from "./sign-in-errors";
import { TICKET_MAX_ATTEMPTS, TICKET_TTL_SECONDS } from "./sign-in-tickets";
import { SoftAuthenticator } from "./testing/soft-authenticator";
import { totpCodeAt } from "./totp";

const handle = withTestDb();
// The Auth.js providers open the process database: point it at this file's.
beforeAll(() => setDbHandle(handle.handle));

const PASSWORD = "correct horse battery";
let counter = 0;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;
const noWait = async () => {};

type Authorize = (credentials: Record<string, string>, request: Request) => Promise<unknown>;
function authorize(id: string): Authorize {
  const provider = buildAuthConfig().providers.find((p) => (p as { options?: { id?: string } }).options?.id === id || (p as { id?: string }).id === id);
  const fn = (provider as { options?: { authorize?: Authorize } } | undefined)?.options?.authorize;
  if (!fn) throw new Error(`no credentials provider ${id}`);
  return fn;
}
const requestFrom = (ip: string) => new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { [PEER_ADDRESS_HEADER]: ip } });
const codeIn = (secret: string, steps: number) => totpCodeAt(secret, new Date(Date.now() + steps * 30_000));

/** A user with an authenticator app enrolled (and its recovery codes). */
async function twoFactorUser() {
  const user = await createUser(handle.db, { email: `second-step-${++counter}@example.com`, password: PASSWORD });
  const caller = callerFor(handle.db, sessionFor(user, await createSession(handle.db, { userId: user.id, ip: "10.2.2.2", userAgent: "vitest" })));
  const { secret } = await caller.twoFactor.beginTotp({ currentPassword: PASSWORD });
  const { recoveryCodes } = await caller.twoFactor.confirmTotp({ code: codeIn(secret, -1) });
  return { user, caller, secret, recoveryCodes };
}

/** The password step as the credentials provider runs it, returning the second step's ticket. */
async function passwordStep(email: string, ip: string): Promise<string> {
  const error = await authorize("credentials")({ email, password: PASSWORD }, requestFrom(ip)).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SecondFactorRequired);
  return (error as SecondFactorRequired).pending.ticket;
}

const secondStep = (ticket: string, proof: SecondStepProof, ip: string, now?: Date) => completeSecondStep(handle.db, { ticket, proof, ip }, { now, wait: noWait });

describe("password sign-in with two-step verification on", () => {
  it("creates no session after the password: it asks for the second step", async () => {
    const { user } = await twoFactorUser();
    const error = await authorize("credentials")({ email: user.email, password: PASSWORD }, requestFrom(freshIp())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecondFactorRequired);
    expect((error as SecondFactorRequired).pending.methods).toEqual(["totp", "recovery"]);
    // Without two-step verification the same call signs in with the password alone.
    const plain = await createUser(handle.db, { email: `plain-${++counter}@example.com`, password: PASSWORD });
    expect(await authorize("credentials")({ email: plain.email, password: PASSWORD }, requestFrom(freshIp()))).toMatchObject({ id: plain.id, factor: "password" });
  });

  it("signs in with a current code, once per ticket and once per code", async () => {
    const { user, secret } = await twoFactorUser();
    const ip = freshIp();
    const ticket = await passwordStep(user.email, ip);
    expect(await authorize(SECOND_FACTOR_PROVIDER)({ ticket, code: codeIn(secret, 0) }, requestFrom(ip))).toMatchObject({ id: user.id, factor: "password+totp" });
    // The ticket is used up.
    await expect(authorize(SECOND_FACTOR_PROVIDER)({ ticket, code: codeIn(secret, 1) }, requestFrom(ip))).rejects.toBeInstanceOf(SecondStepExpired);
    // The code is used up too, even with a new ticket.
    expect(await secondStep(await passwordStep(user.email, ip), { code: codeIn(secret, 0) }, ip)).toEqual({ ok: false, reason: "invalid" });
  });

  it("expires the ticket after five minutes", async () => {
    const { user, secret } = await twoFactorUser();
    const ip = freshIp();
    const ticket = await passwordStep(user.email, ip);
    const later = new Date(Date.now() + (TICKET_TTL_SECONDS + 1) * 1000);
    expect(await secondStep(ticket, { code: totpCodeAt(secret, later) }, ip, later)).toEqual({ ok: false, reason: "expired" });
    expect(await secondStep("made-up-ticket", { code: codeIn(secret, 0) }, ip)).toEqual({ ok: false, reason: "expired" });
  });

  it("allows a ticket only a few code attempts", async () => {
    const { user, secret } = await twoFactorUser();
    const ticket = await passwordStep(user.email, freshIp());
    // Each try from a new IP, so only the ticket's own limit applies.
    for (let i = 0; i < TICKET_MAX_ATTEMPTS; i++) expect((await secondStep(ticket, { code: "000000" }, freshIp())).ok).toBe(false);
    expect(await secondStep(ticket, { code: codeIn(secret, 0) }, freshIp())).toEqual({ ok: false, reason: "expired" });
  });

  it("counts wrong codes in the brute-force throttle: password + wrong codes in a loop ends blocked", async () => {
    const { user, secret } = await twoFactorUser();
    const ip = freshIp();
    let blocked: Awaited<ReturnType<typeof authenticateWithPassword>> | null = null;
    for (let round = 0; round < 3 && !blocked; round++) {
      const password = await authenticateWithPassword(handle.db, { email: user.email, password: PASSWORD, ip }, { wait: noWait });
      if (!password.ok) {
        blocked = password;
        break;
      }
      const { ticket } = await startSecondStep(handle.db, { userId: user.id, firstFactor: "password", ip });
      for (let i = 0; i < TICKET_MAX_ATTEMPTS - 1; i++) await secondStep(ticket, { code: "000000" }, ip);
    }
    expect(blocked).toMatchObject({ ok: false, reason: "throttled", scope: "account-ip" });
    // The code step itself is blocked too, even with the right code.
    const { ticket } = await startSecondStep(handle.db, { userId: user.id, firstFactor: "password", ip });
    expect(await secondStep(ticket, { code: codeIn(secret, 0) }, ip)).toMatchObject({ ok: false, reason: "throttled" });
    await expect(authorize(SECOND_FACTOR_PROVIDER)({ ticket, code: codeIn(secret, 0) }, requestFrom(ip))).rejects.toBeInstanceOf(SignInThrottled);
    expect(LOGIN_LIMITS.accountIp).toBeLessThan(2 * TICKET_MAX_ATTEMPTS);
  });

  it("a success clears the counters, so the owner is not slowed down by their own sign-ins", async () => {
    const { user, secret } = await twoFactorUser();
    const ip = freshIp();
    for (let i = 0; i < LOGIN_LIMITS.accountIp + 1; i++) {
      const ticket = await passwordStep(user.email, ip);
      // Each sign-in in a later 30-second step, as a code works once.
      const later = new Date(Date.now() + i * 30_000);
      expect(await secondStep(ticket, { code: totpCodeAt(secret, later) }, ip, later)).toMatchObject({ ok: true });
    }
  });

  it("signs in with a recovery code, which then no longer works", async () => {
    const { user, recoveryCodes } = await twoFactorUser();
    const ip = freshIp();
    const code = recoveryCodes[2]!;
    expect(await secondStep(await passwordStep(user.email, ip), { code }, ip)).toEqual({ ok: true, userId: user.id, factor: "password+recovery" });
    expect(await secondStep(await passwordStep(user.email, ip), { code }, ip)).toEqual({ ok: false, reason: "invalid" });
  });

  it("takes one of the user's passkeys as the second step, not someone else's", async () => {
    const { user, caller } = await twoFactorUser();
    const authenticator = new SoftAuthenticator(relyingParty().origin);
    const options = await caller.twoFactor.passkeys.registrationOptions({ currentPassword: PASSWORD });
    await caller.twoFactor.passkeys.register({ response: authenticator.create(options), name: "Key" });
    const ip = freshIp();

    const ticket = await passwordStep(user.email, ip);
    const assertion = authenticator.get((await secondStepPasskeyOptions(handle.db, ticket))!);
    expect(await secondStep(ticket, { passkey: assertion }, ip)).toEqual({ ok: true, userId: user.id, factor: "password+passkey" });

    // Another user's passkey does not complete this user's sign-in.
    const other = await twoFactorUser();
    const otherKey = new SoftAuthenticator(relyingParty().origin);
    await other.caller.twoFactor.passkeys.register({ response: otherKey.create(await other.caller.twoFactor.passkeys.registrationOptions({ currentPassword: PASSWORD })), name: "Theirs" });
    const theirTicket = await passwordStep(other.user.email, ip);
    const ours = await passwordStep(user.email, ip);
    const wrongUser = otherKey.get((await secondStepPasskeyOptions(handle.db, theirTicket))!);
    expect(await secondStep(ours, { passkey: wrongUser }, ip)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("password-less sign-in with a passkey", () => {
  async function userWithPasskey(userVerified = true) {
    const { user, caller } = await twoFactorUser();
    const authenticator = new SoftAuthenticator(relyingParty().origin, userVerified);
    const options = await caller.twoFactor.passkeys.registrationOptions({ currentPassword: PASSWORD });
    await caller.twoFactor.passkeys.register({ response: authenticator.create(options), name: "Phone" });
    return { user, caller, authenticator };
  }

  it("signs in with a discoverable passkey and records the factor", async () => {
    const { user, caller, authenticator } = await userWithPasskey();
    const response = authenticator.get(await passkeySignInOptions(handle.db, freshIp()));
    expect(await authorize(PASSKEY_PROVIDER)({ passkey: JSON.stringify(response) }, requestFrom(freshIp()))).toMatchObject({ id: user.id, factor: "passkey" });
    // The challenge worked once.
    await expect(authorize(PASSKEY_PROVIDER)({ passkey: JSON.stringify(response) }, requestFrom(freshIp()))).rejects.toBeInstanceOf(InvalidPasskey);
    expect((await caller.twoFactor.passkeys.list())[0]?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("refuses an assertion made on another origin, without user verification, or that is not JSON", async () => {
    const { authenticator } = await userWithPasskey();
    const phished = authenticator.get(await passkeySignInOptions(handle.db, freshIp()), "https://evil.example");
    await expect(authorize(PASSKEY_PROVIDER)({ passkey: JSON.stringify(phished) }, requestFrom(freshIp()))).rejects.toBeInstanceOf(InvalidPasskey);
    await expect(authorize(PASSKEY_PROVIDER)({ passkey: "{not json" }, requestFrom(freshIp()))).rejects.toBeInstanceOf(InvalidPasskey);

    const { authenticator: unverified } = await userWithPasskey(false);
    const presenceOnly = unverified.get(await passkeySignInOptions(handle.db, freshIp()));
    await expect(authorize(PASSKEY_PROVIDER)({ passkey: JSON.stringify(presenceOnly) }, requestFrom(freshIp()))).rejects.toBeInstanceOf(InvalidPasskey);
  });
});

describe("sessions record the factor", () => {
  it("stores how the sign-in was proved and lists it", async () => {
    const { user } = await twoFactorUser();
    const jwt = buildAuthConfig().callbacks!.jwt! as (params: Record<string, unknown>) => Promise<JWT | null>;
    const token = await jwt({ token: {}, user: { id: user.id, factor: "password+totp" }, account: { provider: SECOND_FACTOR_PROVIDER, type: "credentials" }, trigger: "signIn" });
    const sessionId = token?.sid as string;
    const [session] = await listActiveSessions(handle.db, user.id, sessionId);
    expect(session).toMatchObject({ id: sessionId, factor: "Password + authenticator app", current: true });
  });
});
