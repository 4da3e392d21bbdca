import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema/auth";
import { emailOutbox } from "@/db/schema/email";
import { withTestDb } from "@/db/testing";
import { drainJobs } from "../../platform/jobs/runner";
import { callerFor, sessionFor } from "../../testing";
import { hashPassword } from "./password";
import { createSession } from "./sessions";
import { createUser } from "./users";

/*
 * Hole 10 of issue 7: register, email change and forgot-password must not tell whether an
 * address has an account, neither by their answer nor by how long they take.
 */

const handle = withTestDb();
const PASSWORD = "correct horse battery";
let ipCounter = 0;
let emailCounter = 0;

const anonymous = () => callerFor(handle.db, null, { ip: `198.51.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`, userAgent: "vitest" });
const freshEmail = (label: string) => `${label}-${++emailCounter}@example.com`;

/** What a call answers, success or failure, as the client sees it. */
async function answerOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => ({ ok: value }),
    (error: { code?: string; message?: string; cause?: { fields?: unknown } }) => ({ code: error.code, message: error.message, fields: error.cause?.fields }),
  );
}

/** A signed-in caller of a new account whose password is PASSWORD (hash computed once). */
let passwordHash: Promise<string> | undefined;
async function signedInAccount(label: string) {
  passwordHash ??= hashPassword(PASSWORD);
  const [user] = await handle.db
    .insert(users)
    .values({ email: freshEmail(label), passwordHash: await passwordHash })
    .returning();
  // Each account on an address of its own, so the per-IP limits do not stop the timing runs.
  const ip = `10.3.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
  const sessionId = await createSession(handle.db, { userId: user!.id, ip, userAgent: null });
  return { user: user!, caller: callerFor(handle.db, sessionFor(user!, sessionId), { ip }) };
}

async function newestEmailTo(to: string) {
  const [email] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.to, to)).orderBy(desc(emailOutbox.createdAt)).limit(1);
  return email;
}

describe("the same answer whether or not the address has an account", () => {
  it("register: same output for a taken address, and the owner gets a notice instead of a verification link", async () => {
    const owner = await createUser(handle.db, { email: "owner-reg@example.com", password: "the owner's own phrase" });
    const taken = await answerOf(anonymous().auth.register({ email: "Owner-Reg@example.com", password: PASSWORD }));
    const fresh = await answerOf(anonymous().auth.register({ email: "fresh-reg@example.com", password: PASSWORD }));
    expect(taken).toEqual({ ok: { email: "owner-reg@example.com" } });
    expect(fresh).toEqual({ ok: { email: "fresh-reg@example.com" } });

    await drainJobs(handle.db, { timeoutMs: 20_000 });
    const notice = await newestEmailTo("owner-reg@example.com");
    expect(notice).toMatchObject({ tag: "address-in-use", userId: owner.id });
    expect(notice?.text).toMatch(/create a BioSync account/);
    expect(notice?.text).not.toMatch(/token=/);
    expect((await newestEmailTo("fresh-reg@example.com"))?.tag).toBe("verify-email");
    // The owner's password is untouched.
    const [stored] = await handle.db.select().from(users).where(eq(users.id, owner.id));
    expect(stored?.passwordHash).toBe(owner.passwordHash);
  });

  it("register: a second attempt within the hour sends the owner no second notice", async () => {
    await createUser(handle.db, { email: "pestered@example.com", password: "the owner's own phrase" });
    for (let i = 0; i < 3; i++) await anonymous().auth.register({ email: "pestered@example.com", password: PASSWORD });
    await drainJobs(handle.db, { timeoutMs: 20_000 });
    expect(await handle.db.select().from(emailOutbox).where(eq(emailOutbox.to, "pestered@example.com"))).toHaveLength(1);
  });

  it("email change: same output for a taken address; its owner is told, the requester's account is unchanged", async () => {
    const { caller: mover, user: moverUser } = await signedInAccount("mover");
    const other = await createUser(handle.db, { email: "occupied@example.com", password: "the owner's own phrase" });
    const taken = await answerOf(mover.auth.requestEmailChange({ newEmail: "Occupied@example.com", currentPassword: PASSWORD }));
    const fresh = await answerOf(mover.auth.requestEmailChange({ newEmail: "vacant@example.com", currentPassword: PASSWORD }));
    expect(taken).toEqual({ ok: { pendingEmail: "occupied@example.com" } });
    expect(fresh).toEqual({ ok: { pendingEmail: "vacant@example.com" } });

    await drainJobs(handle.db, { timeoutMs: 20_000 });
    const notice = await newestEmailTo("occupied@example.com");
    expect(notice).toMatchObject({ tag: "address-in-use", userId: other.id });
    expect(notice?.text).toMatch(/change .* to your address/);
    expect(notice?.text).not.toMatch(/token=/);
    expect((await newestEmailTo("vacant@example.com"))?.tag).toBe("confirm-email-change");
    expect(await handle.db.select().from(emailOutbox).where(and(eq(emailOutbox.userId, moverUser.id), eq(emailOutbox.to, "occupied@example.com")))).toHaveLength(0);
  });

  it("forgot password: same output, and an email only to an address that has an account", async () => {
    await createUser(handle.db, { email: "known-reset@example.com" });
    expect(await anonymous().auth.requestPasswordReset({ email: "known-reset@example.com" })).toEqual({ ok: true });
    expect(await anonymous().auth.requestPasswordReset({ email: "nobody-reset@example.com" })).toEqual({ ok: true });
    await drainJobs(handle.db, { timeoutMs: 20_000 });
    expect((await newestEmailTo("known-reset@example.com"))?.tag).toBe("reset-password");
    expect(await newestEmailTo("nobody-reset@example.com")).toBeUndefined();
  });
});

/*
 * Timing: N calls for a known and N for an unknown address, interleaved (alternating which goes
 * first) so that load on the machine hits both alike, compared by their medians. A 2x difference
 * fails; the tolerance leaves room for a loaded 2-core machine.
 */
const N = 30;
const TOLERANCE = 1.5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function timed(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  // A refused call (a rate limit) would be fast and make the paths look unequal: it must succeed.
  await call();
  return performance.now() - start;
}

async function compareTimings(known: (i: number) => Promise<unknown>, unknown: (i: number) => Promise<unknown>) {
  // One warm-up of each path (first queries, argon2's first allocation).
  await timed(() => known(-1));
  await timed(() => unknown(-1));
  const k: number[] = [];
  const u: number[] = [];
  for (let i = 0; i < N; i++) {
    if (i % 2 === 0) {
      k.push(await timed(() => known(i)));
      u.push(await timed(() => unknown(i)));
    } else {
      u.push(await timed(() => unknown(i)));
      k.push(await timed(() => known(i)));
    }
  }
  const [mk, mu] = [median(k), median(u)];
  return { known: mk, unknown: mu, ratio: Math.max(mk, mu) / Math.min(mk, mu) };
}

describe("the same time whether or not the address has an account", () => {
  it("forgot password", async () => {
    // The limit per address is 3 per window: spread the known calls over enough accounts.
    const known: string[] = [];
    for (let i = 0; i < N / 2 + 1; i++) known.push((await createUser(handle.db, { email: freshEmail("timing-known") })).email);
    const result = await compareTimings(
      (i) => anonymous().auth.requestPasswordReset({ email: known[(i + 1) % known.length]! }),
      () => anonymous().auth.requestPasswordReset({ email: freshEmail("timing-unknown") }),
    );
    expect(result.ratio, JSON.stringify(result)).toBeLessThan(TOLERANCE);
  });

  it("register", async () => {
    // The limit per address is 3 per window: spread the taken addresses over enough accounts.
    const taken: string[] = [];
    for (let i = 0; i < N / 2 + 1; i++) taken.push((await createUser(handle.db, { email: freshEmail("timing-taken") })).email);
    const result = await compareTimings(
      (i) => anonymous().auth.register({ email: taken[(i + 1) % taken.length]!, password: PASSWORD }),
      () => anonymous().auth.register({ email: freshEmail("timing-new"), password: PASSWORD }),
    );
    expect(result.ratio, JSON.stringify(result)).toBeLessThan(TOLERANCE);
  });

  it("email change", async () => {
    const taken = (await createUser(handle.db, { email: freshEmail("timing-occupied") })).email;
    // Each account may confirm its password 10 and ask for a change 5 times per window.
    const movers = await Promise.all(Array.from({ length: N / 2 + 1 }, (_, i) => signedInAccount(`timing-mover-${i}`)));
    const moverFor = (i: number) => movers[(i + 1) % movers.length]!.caller;
    const result = await compareTimings(
      (i) => moverFor(i).auth.requestEmailChange({ newEmail: taken, currentPassword: PASSWORD }),
      (i) => moverFor(i).auth.requestEmailChange({ newEmail: freshEmail("timing-free"), currentPassword: PASSWORD }),
    );
    expect(result.ratio, JSON.stringify(result)).toBeLessThan(TOLERANCE);
  });
});
