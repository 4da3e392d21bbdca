import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
/** One step either side, for clocks that drift a little and codes typed near a step's end. */
const WINDOW_STEPS = 1;
const ISSUER = "BioSync";

function totpFor(secretBase32: string, label = ""): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A new 160-bit secret in base32 (the form users can type into an app). */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an app scans, and that URI as a QR code image (data URL). */
export async function totpProvisioning(secretBase32: string, accountLabel: string): Promise<{ otpauthUrl: string; qrDataUrl: string }> {
  const otpauthUrl = totpFor(secretBase32, accountLabel).toString();
  return { otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: "M", margin: 1, width: 220 }) };
}

/** Whether `code` looks like a TOTP code (six digits, spaces allowed as apps show them). */
export function isTotpShaped(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ""));
}

/**
 * The time step `code` is valid for at `now` (within ±1 step), or null. The caller refuses a step
 * that was already used, so a code works once.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date = new Date()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = now.getTime();
  const delta = totpFor(secretBase32).validate({ token, timestamp, window: WINDOW_STEPS });
  if (delta === null) return null;
  return TOTP.counter({ period: PERIOD_SECONDS, timestamp }) + delta;
}

/** The code of `secretBase32` at `now` (for tests and the software-authenticator fixtures). */
export function totpCodeAt(secretBase32: string, now: Date = new Date()): string {
  return totpFor(secretBase32).generate({ timestamp: now.getTime() });
}
