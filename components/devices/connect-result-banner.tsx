import { X } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";

const MAX_MESSAGE_LENGTH = 300;

/** What the OAuth callback reported (`/devices?connected=oura` or `?error=…`), with a way to dismiss it. */
export function ConnectResultBanner({ connectedName, error }: { connectedName: string | null; error: string | null }) {
  if (!connectedName && !error) return null;
  const message = error
    ? `Could not connect: ${error.slice(0, MAX_MESSAGE_LENGTH)}`
    : `${connectedName} is connected. Your recent history is being imported; it shows up here as it arrives.`;
  return (
    <Alert variant={error ? "error" : "success"} className="mb-6 flex items-start justify-between gap-3">
      <span>{message}</span>
      <Link href="/devices" replace scroll={false} className="shrink-0 rounded-sm opacity-70 hover:opacity-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
        <X className="size-4" aria-hidden />
        <span className="sr-only">Dismiss</span>
      </Link>
    </Alert>
  );
}
