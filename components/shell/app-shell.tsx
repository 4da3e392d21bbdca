import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import type { NavArea } from "./nav";
import { NavLinks } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

interface AppShellProps {
  area: NavArea;
  user: { name: string | null; email: string; role: "user" | "admin" };
  signOutAction: () => Promise<void>;
  /** Shown in the header before the notifications (the sync indicator of signed-in pages). */
  status?: React.ReactNode;
  /** Shown above the header (e.g. the unverified-email banner). */
  banner?: React.ReactNode;
  /** Unread in-app notifications; the bell shows only where there is a list (not in the admin console). */
  unreadNotifications?: number;
  children: React.ReactNode;
}

/** Sidebar on wide screens, a drawer on narrow ones; the header carries theme and account menus. */
export function AppShell({ area, user, signOutAction, banner, status, unreadNotifications, children }: AppShellProps) {
  const home = area === "admin" ? "/admin" : "/dashboard";
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main-content"
        className="sr-only z-[60] rounded-md bg-white px-4 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:outline-none focus:ring-2 focus:ring-brand-500 dark:bg-zinc-900"
      >
        Skip to content
      </a>
      {banner}
      <div className="flex flex-1">
        <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col gap-6 overflow-y-auto border-r border-zinc-200 px-3 py-5 md:flex dark:border-zinc-800">
          <div className="px-3">
            <Logo href={home} />
          </div>
          <NavLinks area={area} label={area === "admin" ? "Admin" : "Main"} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b border-zinc-200 bg-white/90 px-3 backdrop-blur sm:px-6 dark:border-zinc-800 dark:bg-zinc-950/90">
            <MobileNav area={area} />
            <div className="md:hidden">
              <Logo href={home} />
            </div>
            <div className="ml-auto flex items-center gap-1">
              {status}
              {unreadNotifications !== undefined ? <NotificationBell unread={unreadNotifications} /> : null}
              <ThemeToggle />
              <UserMenu name={user.name} email={user.email} isAdmin={user.role === "admin"} signOutAction={signOutAction} />
            </div>
          </header>
          <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8">
            {children}
          </main>
        </div>
      </div>
    </div>
  );
}
