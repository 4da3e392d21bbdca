import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withTestDb } from "@/db/testing";
import { authenticateWithPassword } from "./credentials";
import { beginLoginAttempt, clearLoginThrottleForAccount, LOGIN_LIMITS, progressiveDelayMs, recordLoginSuccess } from "./login-throttle";
import { createSession } from "./sessions";
import { createUser } from "./users";

const handle = withTestDb();

const WINDOW = 60;
const t0 = new Date("2030-05-01T12:00:00Z");
/** Moves the clock the limiter reads (Date only: timers and the database run as usual). */
const at = (seconds: number) => vi.setSystemTime(new Date(t0.getTime() + seconds * 1000));

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterAll(() => {
  vi.useRealTimers();
});

/** Signs in through the real credential check `seconds` after t0, recording the delays instead of sleeping. */
function attempt(email: string, password: string, ip: string, seconds: number, delays: number[] = []) {
  at(seconds);
  return authenticateWithPassword(
    handle.db,
    { email, password, ip },
    {
      windowSeconds: WINDOW,
      wait: async (ms) => {
        delays.push(ms);
      },
    },
  );
}

describe("progressiveDelayMs", () => {
  it("is free for the first failures, then doubles up to a 2 s cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(progressiveDelayMs)).toEqual([0, 0, 250, 500, 1000, 2000, 2000, 2000]);
  });
});

describe("sign-in throttle per account and IP", () => {
  it("slows, then blocks with a retry time, then recovers after the window", async () => {
    await createUser(handle.db, { email: "victim@example.com", password: "right horse battery" });
    const delays: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.accountIp; i++) {
      expect(await attempt("victim@example.com", "wrong", "10.0.0.1", i, delays)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(delays).toEqual([250, 500, 1000]);

    const blocked = await attempt("victim@example.com", "right horse battery", "10.0.0.1", 10);
    expect(blocked).toEqual({ ok: false, reason: "throttled", retryAfter: WINDOW - 10, scope: "account-ip" });
    // Refused attempts do not extend the block.
    expect(await attempt("victim@example.com", "wrong", "10.0.0.1", 30)).toMatchObject({ reason: "throttled", retryAfter: WINDOW - 30 });

    // Another IP is not affected by this IP's failures.
    expect(await attempt("victim@example.com", "right horse battery", "10.0.0.2", 31)).toMatchObject({ ok: true });

    // After the window the counter starts again.
    expect(await attempt("victim@example.com", "right horse battery", "10.0.0.1", WINDOW)).toMatchObject({ ok: true });
  });

  it("forgets this IP's failures after a successful sign-in", async () => {
    await createUser(handle.db, { email: "typo@example.com", password: "right horse battery" });
    for (let i = 0; i < LOGIN_LIMITS.accountIp - 1; i++) await attempt("typo@example.com", "wrong", "10.0.1.1", i);
    expect(await attempt("typo@example.com", "right horse battery", "10.0.1.1", 5)).toMatchObject({ ok: true });
    const delays: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.accountIp; i++) {
      expect(await attempt("typo@example.com", "wrong", "10.0.1.1", 6 + i, delays)).toMatchObject({ reason: "invalid" });
    }
    expect(delays).toEqual([250, 500, 1000]);
  });

  it("throttles unknown emails the same way, so the answer does not reveal accounts", async () => {
    for (let i = 0; i < LOGIN_LIMITS.accountIp; i++) {
      expect(await attempt("nobody@example.com", "whatever", "10.0.2.1", i)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await attempt("nobody@example.com", "whatever", "10.0.2.1", 6)).toMatchObject({ reason: "throttled" });
  });
});

describe("account-wide throttle (many IPs)", () => {
  it("blocks unknown IPs for a short while but lets a device the owner used before through", async () => {
    const owner = await createUser(handle.db, { email: "popular@example.com", password: "right horse battery" });
    await createSession(handle.db, { userId: owner.id, ip: "192.168.1.10", userAgent: "test" });
    for (let i = 0; i < LOGIN_LIMITS.account; i++) {
      expect(await attempt("popular@example.com", "wrong", `203.0.113.${i}`, i)).toMatchObject({ reason: "invalid" });
    }
    const fromNewIp = await attempt("popular@example.com", "right horse battery", "198.51.100.7", 20);
    expect(fromNewIp).toMatchObject({ ok: false, reason: "throttled", scope: "account" });
    if (fromNewIp.ok || fromNewIp.reason !== "throttled") throw new Error("expected a throttle");
    expect(fromNewIp.retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.accountWindowMaxSeconds);

    expect(await attempt("popular@example.com", "right horse battery", "192.168.1.10", 21)).toMatchObject({ ok: true });
  });

  it("is lifted by a password reset (clearLoginThrottleForAccount)", async () => {
    await createUser(handle.db, { email: "reset-me@example.com", password: "right horse battery" });
    for (let i = 0; i < LOGIN_LIMITS.account; i++) await attempt("reset-me@example.com", "wrong", `203.0.114.${i}`, i);
    for (let i = 0; i < LOGIN_LIMITS.accountIp; i++) await attempt("reset-me@example.com", "wrong", "203.0.115.1", i);
    expect(await attempt("reset-me@example.com", "right horse battery", "203.0.115.1", 20)).toMatchObject({ reason: "throttled" });
    await clearLoginThrottleForAccount(handle.db, "reset-me@example.com");
    expect(await attempt("reset-me@example.com", "right horse battery", "203.0.115.1", 21)).toMatchObject({ ok: true });
  });
});

describe("per-IP throttle", () => {
  it("blocks an IP that fails across many accounts", async () => {
    const ip = "172.16.0.9";
    for (let i = 0; i < LOGIN_LIMITS.ip; i++) {
      at(i % 50);
      const result = await beginLoginAttempt(handle.db, { email: `stuffing-${i}@example.com`, ip, windowSeconds: WINDOW });
      expect(result.allowed).toBe(true);
    }
    at(50);
    const next = await beginLoginAttempt(handle.db, { email: "stuffing-last@example.com", ip, windowSeconds: WINDOW });
    expect(next).toMatchObject({ allowed: false, scope: "ip", retryAfter: WINDOW - 50 });
  });

  it("does not count successful sign-ins against the IP", async () => {
    const ip = "172.16.0.10";
    at(1);
    for (let i = 0; i < LOGIN_LIMITS.ip + 5; i++) {
      const result = await beginLoginAttempt(handle.db, { email: `office-${i}@example.com`, ip, windowSeconds: WINDOW });
      if (!result.allowed) throw new Error(`attempt ${i} was refused`);
      await recordLoginSuccess(handle.db, result.keys);
    }
  });
});
