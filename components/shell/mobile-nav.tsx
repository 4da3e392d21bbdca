"use client";

import { Menu } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import type { NavArea } from "./nav";
import { NavLinks } from "./nav-links";

/** The navigation drawer for narrow screens. */
export function MobileNav({ area, title = "BioSync" }: { area: NavArea; title?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open navigation">
          <Menu className="size-5" aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent side="left">
        <SheetTitle>{title}</SheetTitle>
        <SheetDescription className="sr-only">Go to another page</SheetDescription>
        <NavLinks label={area === "admin" ? "Admin" : "Main"} area={area} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
