import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db";
import { totpCredentials } from "@/db/schema/two-factor";
import { decryptSecret, encryptSecret } from "../../platform/crypto";
import { generateTotpSecret, matchTotpStep } from "./totp";

export interface TotpState {
  enabled: boolean;
  /** An enrolment was started but has not proved a code yet. */
  pending: boolean;
}

export async function totpState(db: Database, userId: string): Promise<TotpState> {
  const [row] = await db.select({ confirmedAt: totpCredentials.confirmedAt }).from(totpCredentials).where(eq(totpCredentials.userId, userId)).limit(1);
  return { enabled: Boolean(row?.confirmedAt), pending: row !== undefined && !row.confirmedAt };
}

/** Starts (or restarts) an enrolment with a new secret; an enabled authenticator is left alone. Null when one is enabled. */
export async function startTotpEnrolment(db: Database, userId: string): Promise<string | null> {
  const secret = generateTotpSecret();
  const rows = await db
    .insert(totpCredentials)
    .values({ userId, secretEnc: encryptSecret(secret) })
    .onConflictDoUpdate({
      target: totpCredentials.userId,
      set: { secretEnc: encryptSecret(secret), lastUsedStep: null, createdAt: new Date() },
      setWhere: isNull(totpCredentials.confirmedAt),
    })
    .returning({ userId: totpCredentials.userId });
  return rows.length > 0 ? secret : null;
}

/**
 * Checks `code` against the user's authenticator (the pending one when `pending`) and records its
 * time step, refusing a step already used (a replayed code). The compare-and-set is one update,
 * so two requests with the same code cannot both pass.
 */
export async function spendTotpCode(db: Database, userId: string, code: string, options: { pending?: boolean; now?: Date } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const confirmed = options.pending ? isNull(totpCredentials.confirmedAt) : isNotNull(totpCredentials.confirmedAt);
  const [row] = await db
    .select({ secretEnc: totpCredentials.secretEnc })
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, userId), confirmed))
    .limit(1);
  if (!row) return false;
  const step = matchTotpStep(decryptSecret(row.secretEnc), code, now);
  if (step === null) return false;
  const updated = await db
    .update(totpCredentials)
    .set({ lastUsedStep: step, ...(options.pending ? { confirmedAt: now } : {}) })
    .where(
      and(
        eq(totpCredentials.userId, userId),
        confirmed,
        or(isNull(totpCredentials.lastUsedStep), lt(totpCredentials.lastUsedStep, step)),
      ),
    )
    .returning({ userId: totpCredentials.userId });
  return updated.length > 0;
}

export async function deleteTotp(db: Database, userId: string): Promise<void> {
  await db.delete(totpCredentials).where(eq(totpCredentials.userId, userId));
}
