import type { Database } from "@/db";
import { AppError } from "../../errors";
import type { SessionUser } from "../../trpc";
import { confirmCurrentPassword } from "../auth/account-security";
import { enforceRateLimits } from "../../platform/rate-limits/enforce";
import { requestLimits } from "../../platform/rate-limits/rules";
import { countPasskeys } from "./passkeys";
import { countUnusedRecoveryCodes, deleteRecoveryCodes, replaceRecoveryCodes } from "./recovery-codes";
import { spendSecondFactorCode } from "./second-factor";
import { totpProvisioning } from "./totp";
import { deleteTotp, startTotpEnrolment, totpState, spendTotpCode } from "./totp-credentials";

/** Codes typed on the settings page are guesses too: a stolen session gets few of them. */

const WRONG_CODE = "This code is not right. Enter the current code from your authenticator app.";

export interface TwoFactorStatus {
  totpEnabled: boolean;
  totpPending: boolean;
  recoveryCodesLeft: number;
  passkeys: number;
}

export async function twoFactorStatus(db: Database, userId: string): Promise<TwoFactorStatus> {
  const totp = await totpState(db, userId);
  return {
    totpEnabled: totp.enabled,
    totpPending: totp.pending,
    recoveryCodesLeft: totp.enabled ? await countUnusedRecoveryCodes(db, userId) : 0,
    passkeys: await countPasskeys(db, userId),
  };
}

/**
 * Step 1 of enrolment, behind the password (a stolen session must not be able to lock its owner
 * out): a new secret, shown as a QR code and as text. Nothing changes at sign-in yet.
 */
export async function beginTotpEnrolment(db: Database, sessionUser: SessionUser, input: { currentPassword: string }) {
  const user = await confirmCurrentPassword(db, sessionUser, input.currentPassword);
  const secret = await startTotpEnrolment(db, user.id);
  if (!secret) throw AppError.conflict("Two-step verification is already on. Turn it off first to set up another app.");
  return { secret, ...(await totpProvisioning(secret, user.email)) };
}

/** Step 2: the user proves the app shows the right codes; only then is it on. Returns the recovery codes, shown once. */
export async function confirmTotpEnrolment(db: Database, sessionUser: SessionUser, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
  await enforceRateLimits(db, requestLimits.twoFactorSettingsCode(sessionUser.id));
  const state = await totpState(db, sessionUser.id);
  if (state.enabled) throw AppError.conflict("Two-step verification is already on.");
  if (!state.pending) throw AppError.field("code", "Start the setup again: scan the new QR code first.");
  if (!(await spendTotpCode(db, sessionUser.id, input.code, { pending: true }))) throw AppError.field("code", WRONG_CODE);
  return { recoveryCodes: await replaceRecoveryCodes(db, sessionUser.id) };
}

/** A new set of recovery codes (the old ones stop working), proved by a current code. */
export async function regenerateRecoveryCodes(db: Database, sessionUser: SessionUser, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
  await enforceRateLimits(db, requestLimits.twoFactorSettingsCode(sessionUser.id));
  if (!(await totpState(db, sessionUser.id)).enabled) throw AppError.conflict("Two-step verification is off.");
  if (!(await spendSecondFactorCode(db, sessionUser.id, input.code))) throw AppError.field("code", WRONG_CODE);
  return { recoveryCodes: await replaceRecoveryCodes(db, sessionUser.id) };
}

/** Turns two-step verification off: needs both the password and a current code (or a recovery code). */
export async function disableTwoFactor(db: Database, sessionUser: SessionUser, input: { currentPassword: string; code: string }): Promise<{ disabled: true }> {
  await confirmCurrentPassword(db, sessionUser, input.currentPassword);
  await enforceRateLimits(db, requestLimits.twoFactorSettingsCode(sessionUser.id));
  if (!(await totpState(db, sessionUser.id)).enabled) throw AppError.conflict("Two-step verification is already off.");
  if (!(await spendSecondFactorCode(db, sessionUser.id, input.code))) throw AppError.field("code", "This code is not right. Enter a current code from your app or one of your recovery codes.");
  await db.transaction(async (tx) => {
    await deleteTotp(tx, sessionUser.id);
    await deleteRecoveryCodes(tx, sessionUser.id);
  });
  return { disabled: true };
}
