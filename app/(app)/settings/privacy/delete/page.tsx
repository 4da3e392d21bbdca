import { ConfirmDeletion } from "@/components/privacy/confirm-deletion";
import { currentProfile, requireUser } from "@/components/shell/session";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DELETION_GRACE_DAYS } from "@/server/account/privacy/policy";

export const metadata = { title: "Confirm account deletion" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ConfirmDeletionPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = Array.isArray(raw) ? raw[0] : raw;
  // Signing in first comes back here with the link intact.
  const user = await requireUser(token ? `/settings/privacy/delete?token=${encodeURIComponent(token)}` : "/settings/privacy");
  const profile = await currentProfile(user.id);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Confirm the deletion of your account</CardTitle>
      </CardHeader>
      <CardContent>
        {token ? (
          <ConfirmDeletion token={token} timeZone={profile.timeZone} graceDays={DELETION_GRACE_DAYS} />
        ) : (
          <Alert variant="error">This link is incomplete. Open the link from the email again.</Alert>
        )}
      </CardContent>
    </Card>
  );
}
