import type { Database } from "@/db";
import { beginLoginAttempt, recordLoginSuccess } from "../auth/login-throttle";
import { enforceRateLimits } from "../../platform/rate-limits/enforce";
import { requestLimits } from "../../platform/rate-limits/rules";
import { findUserById } from "../auth/users";
import { combinedFactor, type FirstFactor, type SecondFactor, type SignInFactor } from "./factors";
import { countPasskeys, passkeyAuthenticationOptions, verifyPasskeyAssertion } from "./passkeys";
import type { AuthenticationResponse } from "./schemas";
import { spendSecondFactorCode } from "./second-factor";
import { consumeTicket, countTicketAttempt, findLiveTicket, issueSignInTicket } from "./sign-in-tickets";

export type SecondStepMethod = SecondFactor;

export interface PendingSecondStep {
  ticket: string;
  expiresAt: Date;
  methods: SecondStepMethod[];
}

/** The first factor was right and the account has two-step verification on: no session yet, a ticket for the second step. */
export async function startSecondStep(db: Database, input: { userId: string; firstFactor: FirstFactor; ip: string | null }): Promise<PendingSecondStep> {
  const { ticket, expiresAt } = await issueSignInTicket(db, input);
  const methods: SecondStepMethod[] = ["totp", "recovery"];
  if ((await countPasskeys(db, input.userId)) > 0) methods.push("passkey");
  return { ticket, expiresAt, methods };
}

export type SecondStepResult =
  | { ok: true; userId: string; factor: SignInFactor }
  | { ok: false; reason: "expired" | "invalid" }
  | { ok: false; reason: "throttled"; retryAfter: number };

export type SecondStepProof = { code: string } | { passkey: AuthenticationResponse };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The second step of a sign-in: the ticket from the first step plus a code (authenticator app or
 * recovery) or a passkey assertion. Each try goes through the same brute-force throttle as the
 * password (counted against the account and IP), and a ticket allows few tries.
 */
export async function completeSecondStep(
  db: Database,
  input: { ticket: string; proof: SecondStepProof; ip: string },
  options: { now?: Date; wait?: (ms: number) => Promise<void> } = {},
): Promise<SecondStepResult> {
  const now = options.now ?? new Date();
  const ticket = await findLiveTicket(db, input.ticket, now);
  const user = ticket ? await findUserById(db, ticket.userId) : null;
  if (!ticket || !user) return { ok: false, reason: "expired" };

  const attempt = await beginLoginAttempt(db, { email: user.email, ip: input.ip });
  if (!attempt.allowed) return { ok: false, reason: "throttled", retryAfter: attempt.retryAfter };
  if (attempt.delayMs > 0) await (options.wait ?? sleep)(attempt.delayMs);
  if (!(await countTicketAttempt(db, ticket.id, now))) return { ok: false, reason: "expired" };

  let second: SecondFactor | null;
  if ("code" in input.proof) second = await spendSecondFactorCode(db, user.id, input.proof.code, now);
  else second = (await verifyPasskeyAssertion(db, input.proof.passkey, user.id, now)) === user.id ? "passkey" : null;
  if (!second) return { ok: false, reason: "invalid" };
  if (!(await consumeTicket(db, ticket.id, now))) return { ok: false, reason: "expired" };

  // The first factor's attempt was left counted until now (else password + wrong codes in a loop
  // would never be blocked): both attempts succeeded, so both are taken back.
  await recordLoginSuccess(db, attempt.keys);
  await recordLoginSuccess(db, attempt.keys);
  return { ok: true, userId: user.id, factor: combinedFactor(ticket.firstFactor, second) };
}

/** Options for the passkey of a pending second step (its user's passkeys only); null when the ticket is not live. */
export async function secondStepPasskeyOptions(db: Database, ticket: string) {
  const live = await findLiveTicket(db, ticket);
  return live ? passkeyAuthenticationOptions(db, live.userId) : null;
}

/** Options for a password-less passkey sign-in; each stores a challenge, so they are limited per IP. */
export async function passkeySignInOptions(db: Database, ip: string) {
  await enforceRateLimits(db, requestLimits.passkeyOptions(ip));
  return passkeyAuthenticationOptions(db, null);
}

/** The user a password-less passkey sign-in proves, or null. */
export async function completePasskeySignIn(db: Database, response: AuthenticationResponse): Promise<string | null> {
  return verifyPasskeyAssertion(db, response, null);
}
