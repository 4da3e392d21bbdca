import { createHash, randomInt } from "node:crypto";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { recoveryCodes } from "@/db/schema/two-factor";

export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/l/I: codes are read off paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUP = 5;

/** "abcde-fghjk": 10 characters from 31, about 50 bits, so a plain SHA-256 is enough to store it. */
function generateRecoveryCode(): string {
  const chars = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, GROUP).join("")}-${chars.slice(GROUP).join("")}`;
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, "");
}

export function isRecoveryCodeShaped(code: string): boolean {
  const normalized = normalizeRecoveryCode(code);
  return normalized.length === GROUP * 2 && [...normalized].every((c) => ALPHABET.includes(c));
}

function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(code), "utf8").digest("hex");
}

/** Replaces the user's recovery codes with a fresh set and returns it (the only time it is readable). */
export async function replaceRecoveryCodes(db: Database, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

/** Uses up one recovery code of the user; false when it is unknown or already used. Atomic, so a code works once. */
export async function consumeRecoveryCode(db: Database, userId: string, code: string, now: Date = new Date()): Promise<boolean> {
  if (!isRecoveryCodeShaped(code)) return false;
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export async function deleteRecoveryCodes(db: Database, userId: string): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}
