"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { isActivePath } from "./nav-match";

interface NavLinkProps {
  href: string;
  exact?: boolean;
  /** Called after the link is followed (the mobile sheet closes itself). */
  onNavigate?: () => void;
  children: React.ReactNode;
}

/** One navigation entry, marked current for the page the browser is on (which only the client knows after a navigation). */
export function NavLink({ href, exact, onNavigate, children }: NavLinkProps) {
  const active = isActivePath(usePathname(), { href, exact });
  return (
    <Link
      href={href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
        active
          ? "bg-brand-50 text-brand-700 dark:bg-brand-700/20 dark:text-brand-100"
          : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
      )}
    >
      {children}
    </Link>
  );
}
