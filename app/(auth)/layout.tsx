import { Logo } from "@/components/shell/logo";
import { ThemeToggle } from "@/components/shell/theme-toggle";

/** Every page here depends on who is signed in: render per request, never at build time. */
export const dynamic = "force-dynamic";

/** Sign-in, registration and the email-link pages: one centred card on a quiet page. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-zinc-50 dark:bg-zinc-950">
      <header className="mx-auto flex w-full max-w-6xl items-center px-4 py-4 sm:px-6">
        <Logo />
        <div className="ml-auto">
          <ThemeToggle />
        </div>
      </header>
      <main id="main-content" className="flex flex-1 items-start justify-center px-4 pb-16 pt-4 sm:items-center sm:pt-0">
        <div className="w-full max-w-md">{children}</div>
      </main>
    </div>
  );
}
