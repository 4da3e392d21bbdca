import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import { AppError } from "../../errors";
import { emit } from "../../platform/jobs/emit";
import { clearLoginThrottleForAccount } from "./login-throttle";
import { checkPasswordPolicy, hashPassword } from "./password";
import { enforceRateLimits } from "../../platform/rate-limits/enforce";
import { requestLimits } from "../../platform/rate-limits/rules";
import { revokeAllSessions } from "./sessions";
import { assertLiveToken, consumeToken, revokeOutstandingTokens } from "./tokens";
import { findUserByEmail, findUserById, normalizeEmail } from "./users";

/**
 * Queues a reset link when the account exists. The caller always gets the same answer in the same
 * time, so the form cannot tell which addresses have accounts: an unknown address queues the same
 * event for an id no account has, and the job finds nobody to write to.
 */
export async function requestPasswordReset(db: Database, rawEmail: string, origin: { ip: string }): Promise<void> {
  const email = normalizeEmail(rawEmail);
  await enforceRateLimits(db, requestLimits.passwordReset(origin.ip, email));
  const user = await findUserByEmail(db, email);
  await emit(db, "auth/password-reset.requested", { userId: user?.id ?? randomUUID() });
}

/**
 * Sets a new password through a single-use link (valid for an hour), signs out every session,
 * ends every other emailed link (a pending email change started from a stolen session dies here)
 * and lifts any sign-in lockout of the account. Following the link also proves the address.
 */
export async function resetPassword(db: Database, token: string, password: string): Promise<{ email: string }> {
  const problem = checkPasswordPolicy(password);
  if (problem) throw AppError.field("password", problem);
  // A made-up link is refused before the costly hash; the link is spent in the transaction below.
  await assertLiveToken(db, "reset_password", token);
  const passwordHash = await hashPassword(password);
  const email = await db.transaction(async (tx) => {
    const used = await consumeToken(tx, "reset_password", token);
    const user = await findUserById(tx, used.userId);
    if (!user) throw AppError.field("token", "This link is invalid, was already used or has expired. Ask for a new one.");
    const emailConfirmed = user.email === used.email;
    await tx
      .update(users)
      .set({ passwordHash, ...(emailConfirmed ? { emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` } : {}) })
      .where(eq(users.id, user.id));
    await revokeAllSessions(tx, user.id);
    await revokeOutstandingTokens(tx, user.id);
    return user.email;
  });
  await clearLoginThrottleForAccount(db, email);
  return { email };
}
