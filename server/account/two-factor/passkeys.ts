import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type VerifyAuthenticationResponseOpts,
  type VerifyRegistrationResponseOpts,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { and, asc, count, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { passkeys } from "@/db/schema/two-factor";
import { AppError } from "../../errors";
import type { SessionUser } from "../../trpc";
import { confirmCurrentPassword } from "../auth/account-security";
import { logger } from "../../logger";
import { relyingParty } from "./relying-party";
import type { AuthenticationResponse, RegistrationResponse } from "./schemas";
import { challengeOf, CHALLENGE_TTL_MS, consumeChallenge, storeChallenge, type ChallengePurpose } from "./webauthn-challenges";

type Transport = NonNullable<RegistrationResponse["response"]["transports"]>[number];
const MAX_PASSKEYS = 20;

export interface PasskeySummary {
  id: string;
  name: string;
  deviceType: string;
  backedUp: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const summaryColumns = {
  id: passkeys.id,
  name: passkeys.name,
  deviceType: passkeys.deviceType,
  backedUp: passkeys.backedUp,
  createdAt: passkeys.createdAt,
  lastUsedAt: passkeys.lastUsedAt,
};

export async function listPasskeys(db: Database, userId: string): Promise<PasskeySummary[]> {
  return db.select(summaryColumns).from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt)).limit(MAX_PASSKEYS);
}

export async function countPasskeys(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return row?.n ?? 0;
}

/**
 * Options for adding a passkey, behind the password: a passkey signs in on its own, so a stolen
 * session must not be able to add one.
 */
export async function passkeyRegistrationOptions(db: Database, sessionUser: SessionUser, input: { currentPassword: string }) {
  const user = await confirmCurrentPassword(db, sessionUser, input.currentPassword);
  const existing = await db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, user.id));
  if (existing.length >= MAX_PASSKEYS) throw AppError.conflict(`You have ${MAX_PASSKEYS} passkeys, the most an account can hold. Delete one first.`);
  const rp = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userID: user.id,
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    timeout: CHALLENGE_TTL_MS,
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: isoBase64URL.toBuffer(p.credentialId), type: "public-key", transports: p.transports as Transport[] })),
    // Discoverable, so the same passkey also signs in without typing an email.
    authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "preferred" },
  });
  await storeChallenge(db, { challenge: options.challenge, purpose: "register", userId: user.id });
  return options;
}

/** Verifies the browser's new credential against the challenge issued to this user and stores it. */
export async function registerPasskey(db: Database, sessionUser: SessionUser, input: { response: RegistrationResponse; name: string }): Promise<PasskeySummary> {
  const challenge = challengeOf(input.response.response.clientDataJSON);
  if (!challenge || !(await consumeChallenge(db, { challenge, purpose: "register", userId: sessionUser.id }))) {
    throw AppError.field("response", "This passkey request has expired. Start again.");
  }
  const rp = relyingParty();
  let info;
  try {
    const verified = await verifyRegistrationResponse({
      response: input.response as VerifyRegistrationResponseOpts["response"],
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
    info = verified.verified ? verified.registrationInfo : undefined;
  } catch (error) {
    logger.info({ reason: error instanceof Error ? error.message : String(error) }, "passkey registration refused");
  }
  if (!info) throw AppError.field("response", "The passkey could not be verified. Try again.");
  const [row] = await db
    .insert(passkeys)
    .values({
      userId: sessionUser.id,
      credentialId: isoBase64URL.fromBuffer(info.credentialID),
      publicKey: isoBase64URL.fromBuffer(info.credentialPublicKey),
      counter: info.counter,
      transports: input.response.response.transports ?? [],
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      name: input.name,
    })
    .onConflictDoNothing({ target: passkeys.credentialId })
    .returning(summaryColumns);
  if (!row) throw AppError.conflict("This passkey is already registered.");
  return row;
}

export async function renamePasskey(db: Database, userId: string, input: { id: string; name: string }): Promise<PasskeySummary> {
  const [row] = await db
    .update(passkeys)
    .set({ name: input.name })
    .where(and(eq(passkeys.id, input.id), eq(passkeys.userId, userId)))
    .returning(summaryColumns);
  if (!row) throw AppError.notFound("Passkey");
  return row;
}

export async function deletePasskey(db: Database, userId: string, id: string): Promise<void> {
  const rows = await db.delete(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.userId, userId))).returning({ id: passkeys.id });
  if (rows.length === 0) throw AppError.notFound("Passkey");
}

/**
 * Options for signing in with a passkey: without a user (password-less, the browser offers its
 * discoverable passkeys) or for the user of a pending second step (their passkeys only).
 */
export async function passkeyAuthenticationOptions(db: Database, userId: string | null) {
  const rp = relyingParty();
  const allowed = userId
    ? await db.select({ credentialId: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, userId))
    : [];
  if (userId && allowed.length === 0) throw AppError.badRequest("This account has no passkey.");
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    timeout: CHALLENGE_TTL_MS,
    // Password-less: the passkey is both factors, so the authenticator must verify the person.
    userVerification: userId ? "preferred" : "required",
    allowCredentials: allowed.map((p) => ({ id: isoBase64URL.toBuffer(p.credentialId), type: "public-key", transports: p.transports as Transport[] })),
  });
  const purpose: ChallengePurpose = userId ? "second-factor" : "sign-in";
  await storeChallenge(db, { challenge: options.challenge, purpose, userId });
  return options;
}

/**
 * The user a passkey assertion proves (null when it does not): the challenge must be one this
 * server issued for the same purpose (and user), unexpired and unused; the signature must verify
 * under the stored key with a growing counter.
 */
export async function verifyPasskeyAssertion(db: Database, response: AuthenticationResponse, expectedUserId: string | null, now: Date = new Date()): Promise<string | null> {
  const challenge = challengeOf(response.response.clientDataJSON);
  const purpose: ChallengePurpose = expectedUserId ? "second-factor" : "sign-in";
  if (!challenge || !(await consumeChallenge(db, { challenge, purpose, userId: expectedUserId, now }))) return null;
  const [passkey] = await db.select().from(passkeys).where(eq(passkeys.credentialId, response.id)).limit(1);
  if (!passkey || (expectedUserId && passkey.userId !== expectedUserId)) return null;
  const rp = relyingParty();
  try {
    const verified = await verifyAuthenticationResponse({
      response: response as VerifyAuthenticationResponseOpts["response"],
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: expectedUserId === null,
      authenticator: {
        credentialID: isoBase64URL.toBuffer(passkey.credentialId),
        credentialPublicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports as Transport[],
      },
    });
    if (!verified.verified) return null;
    await db.update(passkeys).set({ counter: verified.authenticationInfo.newCounter, lastUsedAt: now }).where(eq(passkeys.id, passkey.id));
    return passkey.userId;
  } catch (error) {
    logger.info({ reason: error instanceof Error ? error.message : String(error) }, "passkey assertion refused");
    return null;
  }
}
