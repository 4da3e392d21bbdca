"use client";

import { useState } from "react";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { NavButton, type MobileNavProps } from "./mobile-nav";
import { NavLinks } from "./nav-links";

/** The navigation drawer itself: loaded when the user first reaches for it, then mounted open. */
export function MobileNavSheet({ area, title = "BioSync" }: MobileNavProps) {
  const [open, setOpen] = useState(true);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <NavButton />
      </SheetTrigger>
      <SheetContent side="left">
        <SheetTitle>{title}</SheetTitle>
        <SheetDescription className="sr-only">Go to another page</SheetDescription>
        <NavLinks label={area === "admin" ? "Admin" : "Main"} area={area} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
