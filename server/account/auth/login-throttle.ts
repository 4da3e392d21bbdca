import type { Database } from "@/db";
import { clearCounters, clearCountersByPrefix, countRequest, refundRequest } from "../../platform/rate-limits/enforce";
import { LOGIN_POINTS, loginChecks } from "../../platform/rate-limits/rules";
import { hasSignedInFrom } from "./sessions";

/**
 * Brute-force protection for password sign-in, on the shared rate limiter so every instance sees
 * the same numbers. Three fixed-window counters per attempt (rules `login-*` in
 * server/platform/rate-limits/rules.ts):
 *
 * - account + IP: after a few failures each attempt waits a growing delay (≤ 2 s); past its
 *   limit that IP is blocked for this account until its window ends. This is what stops a single
 *   attacker, and it never affects the owner on another device.
 * - IP: past its limit the IP is blocked for every account (credential stuffing).
 * - account (all IPs): past its limit the account is blocked, but only for IPs that have never
 *   signed in to it, and only for a short window (≤ 5 min). So a distributed attack cannot lock
 *   the owner out on a device they already use, and a new device waits at most minutes.
 *
 * A success clears the account + IP counter and does not count against the others. A password
 * reset clears every counter of the account.
 */
export const LOGIN_LIMITS = {
  ...LOGIN_POINTS,
  accountWindowMaxSeconds: 300,
  delayFreeFailures: 2,
  baseDelayMs: 250,
  maxDelayMs: 2000,
} as const;

export type ThrottleScope = "account-ip" | "account" | "ip";

export type LoginKeys = ReturnType<typeof loginChecks>;

export type LoginAttempt =
  | { allowed: true; delayMs: number; keys: LoginKeys }
  | { allowed: false; retryAfter: number; scope: ThrottleScope };

/** Delay before checking the password, growing with the failures already seen from this IP. */
export function progressiveDelayMs(previousFailures: number): number {
  const steps = previousFailures - LOGIN_LIMITS.delayFreeFailures;
  if (steps < 0) return 0;
  return Math.min(LOGIN_LIMITS.maxDelayMs, LOGIN_LIMITS.baseDelayMs * 2 ** steps);
}

/**
 * Counts a sign-in attempt for (normalised email, IP) and decides whether it may go ahead.
 * Refused attempts are not counted, so the block ends when the window that caused it ends.
 * `windowSeconds` shortens the windows (tests).
 */
export async function beginLoginAttempt(db: Database, input: { email: string; ip: string; windowSeconds?: number }): Promise<LoginAttempt> {
  const keys = loginChecks(input.email, input.ip, input.windowSeconds);
  const [accountIp, account, ip] = await countRequest(db, [keys.accountIp, keys.account, keys.ip]);
  if (!accountIp || !account || !ip) throw new Error("login throttle counters missing");

  let refusal: { scope: ThrottleScope; retryAfter: number } | null = null;
  if (ip.over) refusal = { scope: "ip", retryAfter: ip.retryAfter };
  else if (accountIp.over) refusal = { scope: "account-ip", retryAfter: accountIp.retryAfter };
  else if (account.over && !(await hasSignedInFrom(db, input.email, input.ip))) refusal = { scope: "account", retryAfter: account.retryAfter };
  if (refusal) {
    await refundRequest(db, [keys.accountIp, keys.account, keys.ip]);
    return { allowed: false, ...refusal };
  }
  return { allowed: true, delayMs: progressiveDelayMs(accountIp.used - 1), keys };
}

/** The password was right: forget this IP's failures and do not count the attempt elsewhere. */
export async function recordLoginSuccess(db: Database, keys: LoginKeys): Promise<void> {
  await clearCounters(db, [keys.accountIp]);
  await refundRequest(db, [keys.account, keys.ip]);
}

/** Clears every sign-in counter of an account (after its owner proved control by email). */
export async function clearLoginThrottleForAccount(db: Database, email: string): Promise<void> {
  const keys = loginChecks(email, "");
  await clearCounters(db, [keys.account]);
  await clearCountersByPrefix(db, keys.accountIp.rule.name, keys.accountIp.key);
}
