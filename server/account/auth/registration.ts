import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import { AppError } from "../../errors";
import { emit } from "../../platform/jobs/emit";
import { checkPasswordPolicy } from "./password";
import { enforceRateLimits } from "../../platform/rate-limits/enforce";
import { requestLimits } from "../../platform/rate-limits/rules";
import { consumeToken } from "./tokens";
import { createUser, findUserById, normalizeEmail } from "./users";

export interface RegistrationInput {
  email: string;
  password: string;
  name?: string | null;
}

/**
 * Creates an unverified account and queues its verification email. The password is hashed
 * before the email is looked up, so a taken address answers in about the same time.
 */
export async function registerAccount(db: Database, input: RegistrationInput, origin: { ip: string }): Promise<{ id: string; email: string }> {
  const email = normalizeEmail(input.email);
  await enforceRateLimits(db, requestLimits.register(origin.ip, email));
  const problem = checkPasswordPolicy(input.password, { email });
  if (problem) throw AppError.field("password", problem);
  let user;
  try {
    user = await createUser(db, { email, password: input.password, name: input.name });
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") {
      throw new AppError("CONFLICT", error.message, { fields: [{ path: "email", message: "An account with this email already exists. Sign in instead." }] });
    }
    throw error;
  }
  await emit(db, "auth/verification-email.requested", { userId: user.id });
  return { id: user.id, email: user.email };
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
