"use client";

import { AlertTriangle } from "lucide-react";
import { ErrorPanel } from "@/components/shell/error-panel";

/** Errors in a signed-in page keep the shell (navigation, account menu) around them. */
export default function SignedInError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel error={error} onRetry={reset} icon={<AlertTriangle className="size-10 text-amber-500" aria-hidden />} />;
}
