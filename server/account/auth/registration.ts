import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import { AppError } from "../../errors";
import { emit } from "../../platform/jobs/emit";
import { checkPasswordPolicy } from "./password";
import { enforceRateLimits } from "../../platform/rate-limits/enforce";
import { requestLimits } from "../../platform/rate-limits/rules";
import { consumeToken } from "./tokens";
import { createUser, findUserByEmail, findUserById, normalizeEmail } from "./users";

export interface RegistrationInput {
  email: string;
  password: string;
  name?: string | null;
}

/**
 * Creates an unverified account and queues its verification email. A taken address gets the same
 * answer after the same work (the password is hashed, one email is queued): its owner is told of
 * the attempt instead, so the form cannot be used to find out which addresses have accounts.
 */
export async function registerAccount(db: Database, input: RegistrationInput, origin: { ip: string }): Promise<{ email: string }> {
  const email = normalizeEmail(input.email);
  await enforceRateLimits(db, requestLimits.register(origin.ip, email));
  const problem = checkPasswordPolicy(input.password, { email });
  if (problem) throw AppError.field("password", problem);
  const created = await createUser(db, { email, password: input.password, name: input.name }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "CONFLICT") return null;
    throw error;
  });
  if (created) {
    await emit(db, "auth/verification-email.requested", { userId: created.id });
  } else {
    const owner = await findUserByEmail(db, email);
    if (owner) await emit(db, "auth/address-in-use-notice.requested", { userId: owner.id, attempt: "register" });
  }
  return { email };
}

/** Queues a new verification link for the signed-in user (unless already verified). */
export async function requestVerificationEmail(db: Database, userId: string): Promise<{ alreadyVerified: boolean }> {
  const user = await findUserById(db, userId);
  if (!user) throw AppError.unauthorized();
  if (user.emailVerifiedAt) return { alreadyVerified: true };
  await enforceRateLimits(db, requestLimits.verificationEmail(userId));
  await emit(db, "auth/verification-email.requested", { userId });
  return { alreadyVerified: false };
}

/** Marks the address verified, if it is still the account's address. */
export async function verifyEmail(db: Database, token: string): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const used = await consumeToken(tx, "verify_email", token);
    const user = await findUserById(tx, used.userId);
    if (!user || user.email !== used.email) {
      throw AppError.field("token", "This link was for an address the account no longer uses.");
    }
    await tx
      .update(users)
      .set({ emailVerifiedAt: new Date() })
      .where(and(eq(users.id, user.id), isNull(users.emailVerifiedAt)));
    return { email: user.email };
  });
}
