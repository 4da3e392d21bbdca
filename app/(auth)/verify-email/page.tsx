import { AuthCard } from "@/components/auth/auth-card";
import { VerifyEmailStatus } from "@/components/auth/verify-email-status";
import { currentUser } from "@/components/shell/session";

export const metadata = { title: "Verify your email" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? null;
  const signedIn = (await currentUser()) !== null;
  return (
    <AuthCard title="Verify your email">
      <VerifyEmailStatus token={token} signedIn={signedIn} />
    </AuthCard>
  );
}
