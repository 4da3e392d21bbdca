import { and, eq, ne } from "drizzle-orm";
import type { Database } from "@/db";
import { users, type User } from "@/db/schema/auth";
import { AppError } from "../../errors";
import { emit } from "../../platform/jobs/emit";
import type { SessionUser } from "../../trpc";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "./password";
import { enforceRateLimits } from "../../platform/rate-limits/enforce";
import { requestLimits } from "../../platform/rate-limits/rules";
import { revokeOtherSessions } from "./sessions";
import { consumeToken, revokeOutstandingTokens } from "./tokens";
import { findUserByEmail, findUserById, normalizeEmail } from "./users";

/** Loads the signed-in user and checks `currentPassword` (counted against a per-user limit). */
export async function confirmCurrentPassword(db: Database, sessionUser: SessionUser, currentPassword: string): Promise<User> {
  await enforceRateLimits(db, requestLimits.passwordConfirm(sessionUser.id));
  const user = await findUserById(db, sessionUser.id);
  if (!user) throw AppError.unauthorized();
  if (!user.passwordHash) {
    throw AppError.field("currentPassword", "Your account has no password yet. Use “Forgot password” on the sign-in page to set one.");
  }
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw AppError.field("currentPassword", "The current password is not correct.");
  }
  return user;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  signOutOthers: boolean;
}

export async function changePassword(db: Database, sessionUser: SessionUser, input: ChangePasswordInput): Promise<{ signedOutSessions: number }> {
  const user = await confirmCurrentPassword(db, sessionUser, input.currentPassword);
  const problem = checkPasswordPolicy(input.newPassword, { email: user.email });
  if (problem) throw AppError.field("newPassword", problem);
  if (input.newPassword === input.currentPassword) throw AppError.field("newPassword", "Choose a password different from the current one.");
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword) })
    .where(eq(users.id, user.id));
  const signedOutSessions = input.signOutOthers ? await revokeOtherSessions(db, user.id, sessionUser.sessionId) : 0;
  return { signedOutSessions };
}

/**
 * Sends a confirmation link to the new address. The account keeps its current email until the
 * link is followed, so a typo cannot lock the owner out. An address another account uses gets
 * the same answer (so this form cannot probe for accounts); its owner is told of the attempt.
 */
export async function requestEmailChange(
  db: Database,
  sessionUser: SessionUser,
  input: { newEmail: string; currentPassword: string },
  origin: { ip: string },
): Promise<{ pendingEmail: string }> {
  const newEmail = normalizeEmail(input.newEmail);
  const user = await confirmCurrentPassword(db, sessionUser, input.currentPassword);
  if (newEmail === user.email) throw AppError.field("newEmail", "This is already your email address.");
  await enforceRateLimits(db, requestLimits.emailChange(user.id, origin.ip));
  const owner = await findUserByEmail(db, newEmail);
  if (owner) await emit(db, "auth/address-in-use-notice.requested", { userId: owner.id, attempt: "email-change" });
  else await emit(db, "auth/email-change.requested", { userId: user.id, newEmail });
  return { pendingEmail: newEmail };
}

/**
 * Switches the account to the confirmed new address, which is verified by this very link. Every
 * other emailed link of the account ends (a reset link sent to the old address must not outlive
 * the change), and the old address is told where the account went.
 */
export async function confirmEmailChange(db: Database, token: string): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const used = await consumeToken(tx, "change_email", token);
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, used.email), ne(users.id, used.userId)))
      .limit(1);
    if (taken) throw AppError.field("token", "Another account started using this address in the meantime.");
    const before = await findUserById(tx, used.userId);
    if (!before) throw AppError.field("token", "This link is invalid, was already used or has expired. Ask for a new one.");
    await tx.update(users).set({ email: used.email, emailVerifiedAt: new Date() }).where(eq(users.id, before.id));
    await revokeOutstandingTokens(tx, before.id);
    // In the transaction: without the notice queued, the change does not happen either.
    await emit(tx, "auth/email-changed-notice.requested", { userId: before.id, oldEmail: before.email, newEmail: used.email });
    return { email: used.email };
  });
}
