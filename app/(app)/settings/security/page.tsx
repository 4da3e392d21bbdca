import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SessionsList } from "@/components/auth/sessions-list";
import { PasskeysSettings } from "@/components/two-factor/passkeys-settings";
import { TotpSettings } from "@/components/two-factor/totp-settings";
import { requireUser } from "@/components/shell/session";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Security settings" };

export default async function SecuritySettingsPage() {
  await requireUser("/settings/security");
  await Promise.all([
    prefetch(trpc.auth.listSessions.queryOptions()),
    prefetch(trpc.twoFactor.status.queryOptions()),
    prefetch(trpc.twoFactor.passkeys.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div className="flex flex-col gap-6">
        <ChangePasswordForm />
        <TotpSettings />
        <PasskeysSettings />
        <SessionsList />
      </div>
    </HydrateClient>
  );
}
