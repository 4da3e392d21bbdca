import type { Database } from "@/db";
import { consumeRecoveryCode, isRecoveryCodeShaped } from "./recovery-codes";
import type { SecondFactor } from "./factors";
import { isTotpShaped } from "./totp";
import { totpState, spendTotpCode } from "./totp-credentials";

/** Whether signing in to this account takes a second step (an authenticator app was enrolled and proved). */
export async function requiresSecondFactor(db: Database, userId: string): Promise<boolean> {
  return (await totpState(db, userId)).enabled;
}

/**
 * Checks a code the user typed: a current authenticator code (once per time step) or one of
 * their unused recovery codes (used up by this). Null when it is neither.
 */
export async function spendSecondFactorCode(db: Database, userId: string, code: string, now: Date = new Date()): Promise<Exclude<SecondFactor, "passkey"> | null> {
  if (isTotpShaped(code)) return (await spendTotpCode(db, userId, code, { now })) ? "totp" : null;
  if (isRecoveryCodeShaped(code)) return (await consumeRecoveryCode(db, userId, code, now)) ? "recovery" : null;
  return null;
}
