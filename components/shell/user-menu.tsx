"use client";

import { Button, type ButtonProps } from "@/components/ui/button";
import { onDemand, useOnDemandPopup } from "@/components/ui/on-demand";

export interface UserMenuProps {
  name: string | null;
  email: string;
  isAdmin: boolean;
  signOutAction: () => Promise<void>;
}

function initialsOf(name: string | null, email: string): string {
  const source = name?.trim() || email;
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts[1]?.[0] ?? "")).toUpperCase() || "?";
}

/** The account menu's trigger: the same button before and after the menu's code has loaded. */
export function AccountButton({ name, email, ...props }: { name: string | null; email: string } & Omit<ButtonProps, "name">) {
  return (
    <Button variant="ghost" className="h-10 gap-2 px-2" aria-label={`Account menu for ${name ?? email}`} aria-haspopup="menu" {...props}>
      <span className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700 dark:bg-brand-700/30 dark:text-brand-100" aria-hidden>
        {initialsOf(name, email)}
      </span>
      <span className="hidden max-w-40 truncate text-sm sm:inline">{name ?? email}</span>
    </Button>
  );
}

// The menu primitives stay out of the first page load: most visits never open this menu.
const dropdown = onDemand(() => import("./user-menu-dropdown").then((m) => m.UserMenuDropdown));

export function UserMenu(props: UserMenuProps) {
  const { Loaded, triggerProps } = useOnDemandPopup(dropdown);
  if (Loaded) return <Loaded {...props} />;
  return <AccountButton name={props.name} email={props.email} {...triggerProps} />;
}
