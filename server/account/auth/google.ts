import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { authAccounts, users } from "@/db/schema/auth";
import { findUserByEmail, isAccountDisabled, normalizeEmail } from "./users";

export const GOOGLE_PROVIDER = "google";

/** Error codes the sign-in page explains (passed as `?error=`). */
export type GoogleRefusal = "GoogleEmailUnverified" | "AccountEmailUnverified" | "AccountDisabled";

export type GoogleLinkDecision =
  | { action: "sign-in"; userId: string }
  | { action: "link"; userId: string }
  | { action: "create" }
  | { action: "refuse"; reason: GoogleRefusal };

export interface GoogleLinkFacts {
  /** The BioSync user already linked to this Google account, if any. */
  linkedUserId: string | null;
  googleEmail: string | null;
  googleEmailVerified: boolean;
  /** The BioSync account with the same email, if any. */
  existingUser: { id: string; emailVerified: boolean } | null;
}

/**
 * Whether a Google sign-in may proceed and as whom. An existing BioSync account is linked only
 * when both sides vouch for the address: Google says it is verified AND the BioSync account
 * verified it too. Otherwise anyone who registered (or controls a Google account claiming)
 * someone else's address could take the account over.
 */
export function decideGoogleLink(facts: GoogleLinkFacts): GoogleLinkDecision {
  if (facts.linkedUserId) return { action: "sign-in", userId: facts.linkedUserId };
  if (!facts.googleEmail || !facts.googleEmailVerified) return { action: "refuse", reason: "GoogleEmailUnverified" };
  if (!facts.existingUser) return { action: "create" };
  if (!facts.existingUser.emailVerified) return { action: "refuse", reason: "AccountEmailUnverified" };
  return { action: "link", userId: facts.existingUser.id };
}

export interface GoogleProfile {
  providerAccountId: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  image: string | null;
}

/** Applies the decision: links or creates the account. Returns the BioSync user id or the refusal. */
export async function completeGoogleSignIn(
  db: Database,
  profile: GoogleProfile,
): Promise<{ ok: true; userId: string } | { ok: false; reason: GoogleRefusal }> {
  const email = profile.email ? normalizeEmail(profile.email) : null;
  const linkedUserId = await findLinkedUserId(db, profile.providerAccountId);
  const existing = email && !linkedUserId ? await findUserByEmail(db, email) : null;
  const decision = decideGoogleLink({
    linkedUserId,
    googleEmail: email,
    googleEmailVerified: profile.emailVerified,
    existingUser: existing ? { id: existing.id, emailVerified: existing.emailVerifiedAt !== null } : null,
  });
  switch (decision.action) {
    case "refuse":
      return { ok: false, reason: decision.reason };
    case "sign-in":
      if (await isAccountDisabled(db, decision.userId)) return { ok: false, reason: "AccountDisabled" };
      return { ok: true, userId: decision.userId };
    case "link":
      if (await isAccountDisabled(db, decision.userId)) return { ok: false, reason: "AccountDisabled" };
      await linkGoogleAccount(db, decision.userId, profile.providerAccountId);
      return { ok: true, userId: decision.userId };
    case "create": {
      if (!email) return { ok: false, reason: "GoogleEmailUnverified" };
      const userId = await db.transaction(async (tx) => {
        const [user] = await tx
          .insert(users)
          .values({ email, name: profile.name, image: profile.image, emailVerifiedAt: new Date() })
          .returning({ id: users.id });
        if (!user) throw new Error("user insert returned no row");
        await tx.insert(authAccounts).values({ provider: GOOGLE_PROVIDER, providerAccountId: profile.providerAccountId, userId: user.id });
        return user.id;
      });
      return { ok: true, userId };
    }
  }
}

export async function findLinkedUserId(db: Database, providerAccountId: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: authAccounts.userId })
    .from(authAccounts)
    .where(and(eq(authAccounts.provider, GOOGLE_PROVIDER), eq(authAccounts.providerAccountId, providerAccountId)))
    .limit(1);
  return row?.userId ?? null;
}

async function linkGoogleAccount(db: Database, userId: string, providerAccountId: string): Promise<void> {
  await db
    .insert(authAccounts)
    .values({ provider: GOOGLE_PROVIDER, providerAccountId, userId })
    .onConflictDoNothing();
}
