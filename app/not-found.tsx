import { Compass } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main-content" className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <Compass className="size-10 text-zinc-400" aria-hidden />
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-500">404</p>
      <h1 className="text-2xl font-semibold">We couldn&apos;t find that page</h1>
      <p className="text-zinc-600 dark:text-zinc-400">The address may be mistyped, or the page may have moved.</p>
      <div className="flex gap-2">
        <Button asChild>
          <Link href="/dashboard">Go to your dashboard</Link>
        </Button>
        <Button asChild variant="outline">
          <Link href="/">Home</Link>
        </Button>
      </div>
    </main>
  );
}
