import { WifiOff } from "lucide-react";
import Link from "next/link";
import { OFFLINE_PAGES } from "@/components/offline/pages";

export const metadata = { title: "Offline" };

/** What the service worker shows for a page it has no copy of while the network is gone. */
export default function OfflinePage() {
  return (
    <main id="main-content" className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <WifiOff className="size-10 text-zinc-400" aria-hidden />
      <h1 className="text-2xl font-semibold">You are offline</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        This page needs a connection. These pages work offline; what you change there is sent when you are back online.
      </p>
      <nav aria-label="Pages that work offline">
        <ul className="flex flex-col gap-2">
          {OFFLINE_PAGES.map((page) => (
            <li key={page.href}>
              <Link href={page.href} className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
                {page.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </main>
  );
}
