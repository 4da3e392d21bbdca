import { hash, verify, type Algorithm, type Options } from "@node-rs/argon2";
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** OWASP's argon2id baseline: 19 MiB of memory, 2 passes, 1 lane. */
export const ARGON2_OPTIONS = {
  algorithm: 2 as Algorithm, // Argon2id (a const enum, which isolatedModules cannot reference)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

/** Why a password is refused, in words a person can act on; null when it is acceptable. */
export function checkPasswordPolicy(plain: string, context: { email?: string } = {}): string | null {
  const length = [...plain].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lowered = plain.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) return "This password is one of the most common ones. Choose something less guessable.";
  if (context.email && lowered === context.email.trim().toLowerCase()) return "Do not use your email address as your password.";
  return null;
}

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, ARGON2_OPTIONS);
}

/** True when `plain` matches the stored argon2 hash; false for a wrong password or an unreadable hash. */
export async function verifyPassword(storedHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(storedHash, plain);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification when there is no hash to check (unknown email, account
 * without a password), so response times do not tell whether an account exists.
 */
export async function verifyDummyPassword(plain: string): Promise<false> {
  dummyHash ??= hashPassword("biosync-timing-equaliser-not-a-real-password");
  await verifyPassword(await dummyHash, plain);
  return false;
}
