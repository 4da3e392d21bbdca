import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Google from "next-auth/providers/google";
import { getDb } from "@/db";
import { env } from "../../env";
import { logger } from "../../logger";
import { clientIp } from "../../request";
import { safeCallbackUrl } from "./callback-url";
import { authenticateWithPassword } from "./credentials";
import { completeGoogleSignIn, findLinkedUserId, GOOGLE_PROVIDER } from "./google";
import { resolveAuthSecret } from "./secret";
import { createSession, resolveSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { AccountDisabled, InvalidCredentials, SignInThrottled } from "./sign-in-errors";
import { isAccountDisabled } from "./users";
import { passkeyProvider, secondFactorProvider } from "../two-factor/auth-providers";
import { requireSecondStepAfterGoogle } from "../two-factor/google-second-step";
import { startSecondStep } from "../two-factor/sign-in";
import { SecondFactorRequired } from "../two-factor/sign-in-errors";

/** The Auth.js configuration, built per call so env and the secret are read at run time, not build time. */
export function buildAuthConfig(): NextAuthConfig {
  const e = env();
  return {
    secret: resolveAuthSecret(),
    // The embedded default serves whatever host it is reached on; with AUTH_URL Auth.js pins it.
    trustHost: e.AUTH_TRUST_HOST || !e.AUTH_URL,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const db = await getDb();
          const result = await authenticateWithPassword(db, {
            email: credentials.email,
            password: credentials.password,
            ip: clientIp(request.headers),
          });
          if (result.ok && result.secondFactorRequired) {
            throw new SecondFactorRequired(await startSecondStep(db, { userId: result.user.id, firstFactor: "password", ip: clientIp(request.headers) }));
          }
          if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role, factor: "password" };
          if (result.reason === "throttled") throw new SignInThrottled(result.retryAfter);
          if (result.reason === "disabled") throw new AccountDisabled();
          throw new InvalidCredentials();
        },
      }),
      secondFactorProvider(),
      passkeyProvider(),
      ...(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET ? [Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET })] : []),
    ],
    callbacks: {
      // Where Auth.js's own endpoints send the browser (`callbackUrl`, `redirectTo`): the one check every redirect uses.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackUrl(url, "/", baseUrl)}`;
      },
      async signIn({ account, profile }) {
        if (account?.provider !== GOOGLE_PROVIDER) return true;
        const result = await completeGoogleSignIn(await getDb(), {
          providerAccountId: account.providerAccountId,
          email: typeof profile?.email === "string" ? profile.email : null,
          emailVerified: profile?.email_verified === true,
          name: typeof profile?.name === "string" ? profile.name : null,
          image: typeof profile?.picture === "string" ? profile.picture : null,
        });
        if (!result.ok) return `/sign-in?error=${result.reason}`;
        return requireSecondStepAfterGoogle(result.userId);
      },
      async jwt({ token, user, account, trigger }) {
        const db = await getDb();
        if (trigger === "signIn" || trigger === "signUp") {
          const userId = account?.provider === GOOGLE_PROVIDER ? await findLinkedUserId(db, account.providerAccountId) : user?.id;
          // Whatever proved the sign-in (a provider added later too), a disabled account gets no session.
          if (!userId || (await isAccountDisabled(db, userId))) return null;
          const { ip, userAgent } = await requestOrigin();
          const factor = account?.provider === GOOGLE_PROVIDER ? "google" : user?.factor;
          const sessionId = await createSession(db, { userId, ip, userAgent, factor });
          token = { sub: userId, sid: sessionId };
        }
        const sessionId = typeof token.sid === "string" ? token.sid : null;
        const current = sessionId ? await resolveSession(db, sessionId) : null;
        if (!current) return null;
        return { ...token, sub: current.id, email: current.email, name: current.name, role: current.role };
      },
      session({ session, token }) {
        const role = token.role === "admin" ? "admin" : "user";
        return {
          ...session,
          sessionId: typeof token.sid === "string" ? token.sid : undefined,
          user: { ...session.user, id: token.sub ?? "", email: token.email ?? "", name: token.name ?? null, role },
        };
      },
    },
    events: {
      // Every sign-out, through Auth.js's own /api/auth/signout too, ends the session row: clearing
      // the cookie alone would leave a copy of it working.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (typeof token?.sid === "string" && token.sub) await revokeSession(await getDb(), token.sub, token.sid);
      },
    },
    logger: {
      error(error) {
        // Failed sign-ins are expected traffic, not server errors.
        // (Every refusal of a credentials provider, the two-factor ones included, is a CredentialsSignin.)
        if (error instanceof CredentialsSignin) return;
        if (error.name === "CredentialsSignin") return;
        logger.error({ err: error }, "auth error");
      },
      warn(code) {
        logger.warn({ code }, "auth warning");
      },
      debug() {},
    },
  };
}

/** IP and user agent of the request being handled (empty outside a request). */
async function requestOrigin(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    const { headers } = await import("next/headers");
    const h = await headers();
    return { ip: clientIp(h), userAgent: h.get("user-agent") };
  } catch {
    return { ip: null, userAgent: null };
  }
}
