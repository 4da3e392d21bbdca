import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { currentUser, signInUrl } from "@/components/shell/session";
import { AcceptInvite } from "@/components/teams/accept-invite";
import { buttonVariants } from "@/components/ui/button-variants";
import { signOutAction } from "@/server/account/auth/actions";

export const metadata = { title: "Join an organization" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The emailed invitation link: sign in (or create an account) with the invited address, then accept. */
export default async function TeamInvitePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  if (!token) {
    return (
      <AuthCard title="Join an organization" description="This link is incomplete. Open the whole link from the invitation email.">
        <Link href="/dashboard" className={buttonVariants({ variant: "outline" })}>
          Go to BioSync
        </Link>
      </AuthCard>
    );
  }
  const user = await currentUser();
  const back = `/team-invite?token=${encodeURIComponent(token)}`;
  if (!user) {
    return (
      <AuthCard title="Join an organization" description="You were invited to an organization on BioSync. Sign in with the address the invitation was sent to, then accept it.">
        <Link href={signInUrl(back)} className={buttonVariants()}>
          Sign in to accept
        </Link>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No account yet?{" "}
          <Link href="/register" className="text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
            Create one
          </Link>{" "}
          with the invited address, then open the invitation link again. Members need no paid plan.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Join an organization" description={`You are signed in as ${user.email}.`}>
      <AcceptInvite token={token} signOutAction={signOutAction} />
    </AuthCard>
  );
}
