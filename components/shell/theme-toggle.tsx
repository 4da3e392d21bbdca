"use client";

import { Moon, Sun } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { onDemand, useOnDemandPopup } from "@/components/ui/on-demand";

/** The theme menu's trigger: the same button before and after the menu's code has loaded. */
export function ThemeButton(props: ButtonProps) {
  return (
    <Button variant="ghost" size="icon" aria-label="Change theme" aria-haspopup="menu" {...props}>
      <Sun className="size-5 dark:hidden" aria-hidden />
      <Moon className="hidden size-5 dark:block" aria-hidden />
    </Button>
  );
}

// The menu primitives stay out of the first page load: most visits never change the theme.
const menu = onDemand(() => import("./theme-menu").then((m) => m.ThemeMenu));

export function ThemeToggle() {
  const { Loaded, triggerProps } = useOnDemandPopup(menu);
  if (Loaded) return <Loaded />;
  return <ThemeButton {...triggerProps} />;
}
