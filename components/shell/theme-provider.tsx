"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";

/** Light, dark or the system's choice, applied as a class on <html> (see `@custom-variant dark`). */
export function ThemeProvider({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  return (
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
    </NextThemesProvider>
  );
}
