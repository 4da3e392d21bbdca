"use client";

import "./globals.css";

/** Replaces the root layout when it fails itself, so it brings its own <html> and no providers. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main role="alert" className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
          <h1 className="text-2xl font-semibold">BioSync could not load</h1>
          <p className="text-zinc-600">Something went wrong on our side. Try again in a moment.</p>
          {error.digest ? <p className="text-xs text-zinc-500">Reference: {error.digest}</p> : null}
          <button type="button" onClick={reset} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
