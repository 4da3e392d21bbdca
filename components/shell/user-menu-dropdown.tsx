"use client";

import { LogOut, Settings, Shield } from "lucide-react";
import Link from "next/link";
import { useTransition } from "react";
import { clearOfflineCaches } from "@/components/offline/caches";
import { clearRunningLocalSync } from "@/components/sync/local-copies";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { AccountButton, type UserMenuProps } from "./user-menu";

/** The account menu itself: loaded when the user first reaches for it, then mounted open. */
export function UserMenuDropdown({ name, email, isAdmin, signOutAction }: UserMenuProps) {
  const [signingOut, startSignOut] = useTransition();
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <AccountButton name={name} email={email} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="flex flex-col gap-0.5 font-normal">
          <span className="truncate text-sm font-semibold">{name ?? "Your account"}</span>
          <span className="truncate text-xs text-zinc-500">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings/profile">
            <Settings aria-hidden />
            Settings
          </Link>
        </DropdownMenuItem>
        {isAdmin ? (
          <DropdownMenuItem asChild>
            <Link href="/admin">
              <Shield aria-hidden />
              Admin
            </Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem disabled={signingOut} onSelect={() =>
            startSignOut(async () => {
              // Nothing of this account may open offline after it signed out here.
              await Promise.all([clearOfflineCaches(), clearRunningLocalSync()]);
              await signOutAction();
            })
          }>
          <LogOut aria-hidden />
          {signingOut ? "Signing out…" : "Sign out"}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
