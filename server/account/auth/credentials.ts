import { z } from "zod";
import type { Database } from "@/db";
import type { User } from "@/db/schema/auth";
import { secretText, singleLineText } from "../../inputs";
import { requiresSecondFactor } from "../two-factor/second-factor";
import { beginLoginAttempt, recordLoginSuccess, type ThrottleScope } from "./login-throttle";
import { verifyDummyPassword, verifyPassword, PASSWORD_MAX_LENGTH } from "./password";
import { findUserByEmail, normalizeEmail } from "./users";

export const credentialsInput = z.object({
  email: singleLineText({ min: 3, max: 320 }),
  // Longer than the policy allows, so a too-long password is just wrong, not an error to probe.
  password: secretText({ min: 1, max: PASSWORD_MAX_LENGTH * 4 }),
});

export type PasswordSignInResult =
  /** With `secondFactorRequired`, the password was right but the sign-in is not complete. */
  | { ok: true; user: User; secondFactorRequired: boolean }
  | { ok: false; reason: "invalid" }
  /** The password was right, but an admin disabled the account. */
  | { ok: false; reason: "disabled" }
  | { ok: false; reason: "throttled"; retryAfter: number; scope: ThrottleScope };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email + password through the brute-force throttle. Unknown email, missing password
 * and wrong password are the same "invalid" answer, taking about the same time.
 */
export async function authenticateWithPassword(
  db: Database,
  input: { email: unknown; password: unknown; ip: string },
  options: { wait?: (ms: number) => Promise<void>; windowSeconds?: number } = {},
): Promise<PasswordSignInResult> {
  const parsed = credentialsInput.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const email = normalizeEmail(parsed.data.email);

  const attempt = await beginLoginAttempt(db, { email, ip: input.ip, windowSeconds: options.windowSeconds });
  if (!attempt.allowed) return { ok: false, reason: "throttled", retryAfter: attempt.retryAfter, scope: attempt.scope };
  if (attempt.delayMs > 0) await (options.wait ?? sleep)(attempt.delayMs);

  const user = await findUserByEmail(db, email);
  const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, parsed.data.password) : await verifyDummyPassword(parsed.data.password);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  // Only the right password learns that the account is disabled (anyone else gets "invalid").
  if (user.disabledAt) return { ok: false, reason: "disabled" };

  // With a second step to come, the attempt stays counted until that step succeeds.
  if (await requiresSecondFactor(db, user.id)) return { ok: true, user, secondFactorRequired: true };
  await recordLoginSuccess(db, attempt.keys);
  return { ok: true, user, secondFactorRequired: false };
}
