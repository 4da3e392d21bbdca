import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { GoogleSignInButton } from "@/components/auth/google-sign-in-button";
import { signInErrorMessage } from "@/components/auth/messages";
import { SignInForm } from "@/components/auth/sign-in-form";
import { PasskeySignInButton } from "@/components/two-factor/passkey-sign-in-button";
import { SecondStepForm } from "@/components/two-factor/second-step-form";
import { currentUser } from "@/components/shell/session";
import { safeCallbackUrl } from "@/server/account/auth/callback-url";
import { env } from "@/server/env";

export const metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (await currentUser()) redirect(callbackUrl);
  const googleEnabled = Boolean(env().AUTH_GOOGLE_ID && env().AUTH_GOOGLE_SECRET);
  const initialError = signInErrorMessage(first(params.error), first(params.code));
  if (first(params.step) === "second-factor") {
    // Reached after Google, or from the password form posted without the page's script.
    return (
      <AuthCard title="Two-step verification" description="Enter the code from your authenticator app to finish signing in.">
        <SecondStepForm callbackUrl={callbackUrl} passkey initialError={initialError} />
      </AuthCard>
    );
  }
  const registerHref = callbackUrl === "/dashboard" ? "/register" : `/register?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <AuthCard title="Sign in to BioSync" description="Welcome back. Sign in to see today's energy, sleep and recovery.">
      <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
      <PasskeySignInButton callbackUrl={callbackUrl} />
      {googleEnabled ? (
        <>
          <div className="flex items-center gap-3 text-xs text-zinc-500" aria-hidden>
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
            or
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
          </div>
          <GoogleSignInButton callbackUrl={callbackUrl} />
        </>
      ) : null}
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        New to BioSync?{" "}
        <Link href={registerHref} className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
          Create an account
        </Link>
      </p>
    </AuthCard>
  );
}
