import { OfflineCache } from "@/components/offline/offline-cache";
import { SyncProvider } from "@/components/sync/provider";
import { SyncStatusIndicator } from "@/components/sync/sync-status";
import { AppShell } from "@/components/shell/app-shell";
import { currentProfile, requireUser } from "@/components/shell/session";
import { VerifyEmailBanner } from "@/components/shell/verify-email-banner";
import { DeletionBanner } from "@/components/privacy/deletion-banner";
import { getDb } from "@/db";
import { deletionState } from "@/server/account/privacy/deletion";
import { signOutAction } from "@/server/account/auth/actions";
import { unreadCount } from "@/server/account/notifications/inbox";

/** Every page here depends on who is signed in: render per request, never at build time. */
export const dynamic = "force-dynamic";

/** Every signed-in page: the shell, or a redirect to sign-in. */
export default async function SignedInLayout({
  children,
}: {
  children: React.ReactNode;
}) {
  const user = await requireUser();
  const [profile, deletion, unread] = await Promise.all([
    currentProfile(user.id),
    getDb().then((db) => deletionState(db, user.id)),
    getDb().then((db) => unreadCount(db, user.id)),
  ]);
  return (
    <SyncProvider userId={user.id}>
      <AppShell
        area="app"
        user={{ name: profile.name, email: profile.email, role: user.role }}
        signOutAction={signOutAction}
        status={<SyncStatusIndicator />}
        unreadNotifications={unread}
        banner={
          <>
            {profile.emailVerified ? null : (
              <VerifyEmailBanner email={profile.email} />
            )}
            {deletion.state === "scheduled" && deletion.scheduledFor ? (
              <DeletionBanner
                scheduledFor={deletion.scheduledFor}
                timeZone={profile.timeZone}
              />
            ) : null}
          </>
        }
      >
        <OfflineCache owner={user.id} />
        {children}
      </AppShell>
    </SyncProvider>
  );
}
