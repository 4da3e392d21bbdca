import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { currentUser } from "@/components/shell/session";
import { safeCallbackUrl } from "@/server/account/auth/callback-url";

export const metadata = { title: "Create an account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw);
  if (await currentUser()) redirect(callbackUrl);
  const signInHref = callbackUrl === "/dashboard" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <AuthCard title="Create your BioSync account" description="Bring your wearable data together and see how your body is doing.">
      <RegisterForm signInHref={signInHref} />
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link href={signInHref} className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
