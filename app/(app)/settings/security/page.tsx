import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SessionsList } from "@/components/auth/sessions-list";
import { requireUser } from "@/components/shell/session";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Security settings" };

export default async function SecuritySettingsPage() {
  await requireUser("/settings/security");
  await prefetch(trpc.auth.listSessions.queryOptions());
  return (
    <HydrateClient>
      <div className="flex flex-col gap-6">
        <ChangePasswordForm />
        <SessionsList />
      </div>
    </HydrateClient>
  );
}
