import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmEmailChange } from "@/components/auth/confirm-email-change";
import { currentUser } from "@/components/shell/session";
import { Alert } from "@/components/ui/alert";

export const metadata = { title: "Confirm your new email" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  const signedIn = (await currentUser()) !== null;
  return (
    <AuthCard title="Confirm your new email address" description="Your BioSync account switches to this address once you confirm it.">
      {token ? <ConfirmEmailChange token={token} signedIn={signedIn} /> : <Alert variant="error">This link is incomplete. Open the link from the email again.</Alert>}
    </AuthCard>
  );
}
