"use server";

import { getDb } from "@/db";
import { safeCallbackUrl } from "./callback-url";
import { auth, signIn, signOut } from "./index";
import { revokeSession } from "./sessions";

/** Ends this browser's session: the `auth_sessions` row is revoked, then the cookie cleared. */
export async function signOutAction(): Promise<void> {
  const session = await auth();
  if (session?.user?.id && session.sessionId) await revokeSession(await getDb(), session.user.id, session.sessionId);
  await signOut({ redirectTo: "/" });
}

/** Starts Google sign-in (only offered when AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET are set). */
export async function signInWithGoogleAction(formData: FormData): Promise<void> {
  await signIn("google", { redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
}
