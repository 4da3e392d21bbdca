import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Database } from "@/db";
import { webauthnChallenges } from "@/db/schema/two-factor";
import { decodeClientDataJSON } from "@simplewebauthn/server/helpers";

export type ChallengePurpose = (typeof webauthnChallenges.$inferSelect)["purpose"];

/** As long as the browser's own WebAuthn timeout (5 minutes). */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

export async function storeChallenge(db: Database, input: { challenge: string; purpose: ChallengePurpose; userId: string | null; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
  await db.insert(webauthnChallenges).values({
    challenge: input.challenge,
    purpose: input.purpose,
    userId: input.userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
  });
}

/** The challenge the browser signed, read from the response's client data (null when unreadable). */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const challenge = decodeClientDataJSON(clientDataJSON).challenge;
    // Ours are 32 bytes in base64url (43 characters); anything much longer was not issued here.
    return typeof challenge === "string" && challenge.length > 0 && challenge.length <= 128 ? challenge : null;
  } catch {
    return null;
  }
}

/**
 * Takes the stored challenge out (it works once, whatever the verification says): true when it
 * was issued for `purpose` (and to `userId`, when the challenge was bound to a user) and is live.
 */
export async function consumeChallenge(
  db: Database,
  input: { challenge: string; purpose: ChallengePurpose; userId: string | null; now?: Date },
): Promise<boolean> {
  const now = input.now ?? new Date();
  const rows = await db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.challenge, input.challenge),
        eq(webauthnChallenges.purpose, input.purpose),
        input.userId === null ? isNull(webauthnChallenges.userId) : eq(webauthnChallenges.userId, input.userId),
        gt(webauthnChallenges.expiresAt, now),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge });
  // Only the challenge's own purpose and user can spend it: anyone else's attempt leaves it live.
  return rows.length > 0;
}
