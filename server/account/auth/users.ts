import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { users, type User } from "@/db/schema/auth";
import { AppError } from "../../errors";
import { hashPassword } from "./password";

/** Emails are compared and stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUser {
  email: string;
  /** Omitted for accounts that only sign in through Google. */
  password?: string;
  role?: "user" | "admin";
  verified?: boolean;
  name?: string | null;
}

/**
 * Creates an account (the password is hashed here; the policy is the caller's business).
 * Throws CONFLICT when the email is taken.
 */
export async function createUser(db: Database, input: NewUser): Promise<User> {
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const [user] = await db
    .insert(users)
    .values({
      email: normalizeEmail(input.email),
      name: input.name?.trim() || null,
      passwordHash,
      role: input.role ?? "user",
      emailVerifiedAt: input.verified ? new Date() : null,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!user) throw AppError.conflict("An account with this email already exists.");
  return user;
}

export async function findUserByEmail(db: Database, email: string): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return user ?? null;
}

/** Whether the account is disabled (an unknown account counts as disabled: nobody may sign in as it). */
export async function isAccountDisabled(db: Database, id: string): Promise<boolean> {
  const [user] = await db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, id)).limit(1);
  return !user || user.disabledAt !== null;
}

export async function findUserById(db: Database, id: string): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}
