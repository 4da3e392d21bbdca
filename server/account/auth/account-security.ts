import { and, eq, ne } from "drizzle-orm";
import type { Database } from "@/db";
import { users, type User } from "@/db/schema/auth";
import { AppError } from "../../errors";
import { emit } from "../../platform/jobs/emit";
import type { SessionUser } from "../../trpc";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "./password";
import { enforceRateLimits } from "./rate-limit";
import { requestLimits } from "./request-limits";
import { revokeOtherSessions } from "./sessions";
import { consumeToken } from "./tokens";
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
 * link is followed, so a typo cannot lock the owner out.
 */
export async function requestEmailChange(
  db: Database,
  sessionUser: SessionUser,
  input: { newEmail: string; currentPassword: string },
): Promise<{ pendingEmail: string }> {
  const newEmail = normalizeEmail(input.newEmail);
  const user = await confirmCurrentPassword(db, sessionUser, input.currentPassword);
  if (newEmail === user.email) throw AppError.field("newEmail", "This is already your email address.");
  if (await findUserByEmail(db, newEmail)) throw AppError.field("newEmail", "Another account already uses this email address.");
  await enforceRateLimits(db, requestLimits.emailChange(user.id));
  await emit(db, "auth/email-change.requested", { userId: user.id, newEmail });
  return { pendingEmail: newEmail };
}

/** Switches the account to the confirmed new address, which is verified by this very link. */
export async function confirmEmailChange(db: Database, token: string): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const used = await consumeToken(tx, "change_email", token);
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, used.email), ne(users.id, used.userId)))
      .limit(1);
    if (taken) throw AppError.field("token", "Another account started using this address in the meantime.");
    const [updated] = await tx
      .update(users)
      .set({ email: used.email, emailVerifiedAt: new Date() })
      .where(eq(users.id, used.userId))
      .returning({ email: users.email });
    if (!updated) throw AppError.field("token", "This link is invalid, was already used or has expired. Ask for a new one.");
    return { email: updated.email };
  });
}
