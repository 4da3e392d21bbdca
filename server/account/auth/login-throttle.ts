import { eq, like, or } from "drizzle-orm";
import type { Database } from "@/db";
import { authRateLimits } from "@/db/schema/auth";
import { env } from "../../env";
import { hitCounters, pruneExpiredCounters, resetCounters, secondsUntil, unhitCounters } from "./rate-limit";
import { hasSignedInFrom } from "./sessions";

/**
 * Brute-force protection for password sign-in, counted in the database so every instance sees
 * the same numbers. Three fixed-window counters per attempt:
 *
 * - account + IP: after a few failures each attempt waits a growing delay (≤ 2 s); past
 *   `accountIp` attempts that IP is blocked for this account until its window ends. This is what
 *   stops a single attacker, and it never affects the owner on another device.
 * - IP: past `ip` failures the IP is blocked for every account (credential stuffing).
 * - account (all IPs): past `account` failures the account is blocked, but only for IPs that have
 *   never signed in to it, and only for a short window (≤ 5 min). So a distributed attack cannot
 *   lock the owner out on a device they already use, and a new device waits at most minutes.
 *
 * A success clears the account + IP counter and does not count against the others. A password
 * reset clears every counter of the account.
 */
export const LOGIN_LIMITS = {
  accountIp: 5,
  account: 10,
  ip: 50,
  accountWindowMaxSeconds: 300,
  delayFreeFailures: 2,
  baseDelayMs: 250,
  maxDelayMs: 2000,
} as const;

export type ThrottleScope = "account-ip" | "account" | "ip";

export type LoginAttempt =
  | { allowed: true; delayMs: number; keys: LoginKeys }
  | { allowed: false; retryAfter: number; scope: ThrottleScope };

interface LoginKeys {
  accountIp: string;
  account: string;
  ip: string;
}

function loginKeys(email: string, ip: string): LoginKeys {
  return { accountIp: `login:acct-ip:${email}|${ip}`, account: `login:acct:${email}`, ip: `login:ip:${ip}` };
}

/** Delay before checking the password, growing with the failures already seen from this IP. */
export function progressiveDelayMs(previousFailures: number): number {
  const steps = previousFailures - LOGIN_LIMITS.delayFreeFailures;
  if (steps < 0) return 0;
  return Math.min(LOGIN_LIMITS.maxDelayMs, LOGIN_LIMITS.baseDelayMs * 2 ** steps);
}

/**
 * Counts a sign-in attempt for (normalised email, IP) and decides whether it may go ahead.
 * Refused attempts are not counted, so the block ends when the window that caused it ends.
 */
export async function beginLoginAttempt(
  db: Database,
  input: { email: string; ip: string; now?: Date; windowSeconds?: number },
): Promise<LoginAttempt> {
  const now = input.now ?? new Date();
  const windowSeconds = input.windowSeconds ?? env().AUTH_LOGIN_WINDOW_SECONDS;
  const keys = loginKeys(input.email, input.ip);
  const [accountIp, account, ip] = await hitCounters(
    db,
    [
      { key: keys.accountIp, windowSeconds },
      { key: keys.account, windowSeconds: Math.min(windowSeconds, LOGIN_LIMITS.accountWindowMaxSeconds) },
      { key: keys.ip, windowSeconds },
    ],
    now,
  );
  if (!accountIp || !account || !ip) throw new Error("login throttle counters missing");

  let refusal: { scope: ThrottleScope; resetAt: Date } | null = null;
  if (ip.hits > LOGIN_LIMITS.ip) refusal = { scope: "ip", resetAt: ip.resetAt };
  else if (accountIp.hits > LOGIN_LIMITS.accountIp) refusal = { scope: "account-ip", resetAt: accountIp.resetAt };
  else if (account.hits > LOGIN_LIMITS.account && !(await hasSignedInFrom(db, input.email, input.ip))) {
    refusal = { scope: "account", resetAt: account.resetAt };
  }
  if (refusal) {
    await unhitCounters(db, Object.values(keys));
    return { allowed: false, retryAfter: secondsUntil(refusal.resetAt, now), scope: refusal.scope };
  }
  return { allowed: true, delayMs: progressiveDelayMs(accountIp.hits - 1), keys };
}

/** The password was right: forget this IP's failures and do not count the attempt elsewhere. */
export async function recordLoginSuccess(db: Database, keys: LoginKeys): Promise<void> {
  await resetCounters(db, [keys.accountIp]);
  await unhitCounters(db, [keys.account, keys.ip]);
  // Now and then, drop counters whose window ended long ago; no scheduler is needed for it.
  if (Math.random() < PRUNE_PROBABILITY) await pruneExpiredCounters(db);
}

const PRUNE_PROBABILITY = 0.02;

/** Clears every sign-in counter of an account (after its owner proved control by email). */
export async function clearLoginThrottleForAccount(db: Database, email: string): Promise<void> {
  const keys = loginKeys(email, "");
  const escaped = keys.accountIp.replace(/[\\%_]/g, (c) => `\\${c}`);
  await db.delete(authRateLimits).where(or(eq(authRateLimits.key, keys.account), like(authRateLimits.key, `${escaped}%`)));
}
