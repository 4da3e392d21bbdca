"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { isActivePath, sectionsFor, type NavArea } from "./nav";

interface NavLinksProps {
  /** Called after a link is followed (the mobile sheet closes itself). */
  onNavigate?: () => void;
  area: NavArea;
  label: string;
}

/** The grouped navigation list, shared by the desktop sidebar and the mobile sheet. */
export function NavLinks({ onNavigate, area, label }: NavLinksProps) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex flex-col gap-6">
      {sectionsFor(area).map((section) => (
        <div key={section.id} className="flex flex-col gap-1">
          <h2 className="px-3 text-xs font-semibold uppercase tracking-wide text-zinc-500">{section.label}</h2>
          <ul className="flex flex-col gap-0.5">
            {section.items.map((item) => {
              const active = isActivePath(pathname, item);
              const Icon = item.icon;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
                      active
                        ? "bg-brand-50 text-brand-700 dark:bg-brand-700/20 dark:text-brand-100"
                        : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
                    )}
                  >
                    <Icon className="size-4" aria-hidden />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
