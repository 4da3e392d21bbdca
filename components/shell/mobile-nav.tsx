"use client";

import { Menu } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { onDemand, useOnDemandPopup } from "@/components/ui/on-demand";
import type { NavArea } from "./nav";

export interface MobileNavProps {
  area: NavArea;
  title?: string;
}

/** The drawer's trigger (narrow screens only): the same button before and after the drawer's code has loaded. */
export function NavButton(props: ButtonProps) {
  return (
    <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open navigation" aria-haspopup="dialog" {...props}>
      <Menu className="size-5" aria-hidden />
    </Button>
  );
}

// The dialog primitives stay out of the first page load: wide screens never open the drawer.
const sheet = onDemand(() => import("./mobile-nav-sheet").then((m) => m.MobileNavSheet));

/** The navigation drawer for narrow screens. */
export function MobileNav(props: MobileNavProps) {
  const { Loaded, triggerProps } = useOnDemandPopup(sheet);
  if (Loaded) return <Loaded {...props} />;
  return <NavButton {...triggerProps} />;
}
