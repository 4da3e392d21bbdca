"use client";

import { ErrorPanel } from "@/components/shell/error-panel";

export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main-content" className="px-4">
      <ErrorPanel error={error} onRetry={reset} />
    </main>
  );
}
