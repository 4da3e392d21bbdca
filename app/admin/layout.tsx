import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { currentProfile, requireAdmin } from "@/components/shell/session";
import { signOutAction } from "@/server/account/auth/actions";
import { adminIpAllowed } from "@/server/admin/ip-allowlist";
import { clientIp } from "@/server/request";

/** Every page here depends on who is signed in: render per request, never at build time. */
export const dynamic = "force-dynamic";

/** The admin console: signed-out visitors go to sign-in, everyone but admins (on an allowed network) gets a 404. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdmin();
  // Outside ADMIN_IP_ALLOWLIST (when set) the console does not exist, as for someone who is not an admin.
  if (!adminIpAllowed(clientIp(await headers()))) notFound();
  const profile = await currentProfile(user.id);
  return (
    <AppShell area="admin" user={{ name: profile.name, email: profile.email, role: user.role }} signOutAction={signOutAction}>
      {children}
    </AppShell>
  );
}
