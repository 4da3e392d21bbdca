import { AppShell } from "@/components/shell/app-shell";
import { currentProfile, requireAdmin } from "@/components/shell/session";
import { signOutAction } from "@/server/account/auth/actions";

/** Every page here depends on who is signed in: render per request, never at build time. */
export const dynamic = "force-dynamic";

/** The admin console: signed-out visitors go to sign-in, everyone but admins gets a 404. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdmin();
  const profile = await currentProfile(user.id);
  return (
    <AppShell area="admin" user={{ name: profile.name, email: profile.email, role: user.role }} signOutAction={signOutAction}>
      {children}
    </AppShell>
  );
}
