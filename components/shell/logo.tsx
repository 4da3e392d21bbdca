import { Activity } from "lucide-react";
import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 rounded-md text-lg font-semibold focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
      <span className="flex size-8 items-center justify-center rounded-md bg-brand-600 text-white">
        <Activity className="size-5" aria-hidden />
      </span>
      BioSync
    </Link>
  );
}
