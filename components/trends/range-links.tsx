import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** A row of links choosing how many days a page shows (?days=N), the current one marked. Works without JavaScript. */
export function RangeLinks({ path, days, options, extra = {} }: { path: string; days: number; options: readonly number[]; extra?: Record<string, string> }) {
  return (
    <nav aria-label="Range" className="inline-flex rounded-md bg-zinc-100 p-1 dark:bg-zinc-800">
      {options.map((option) => {
        const current = option === days;
        const search = new URLSearchParams({ ...extra, days: String(option) });
        return (
          <Link
            key={option}
            href={`${path}?${search.toString()}`}
            scroll={false}
            aria-current={current ? "page" : undefined}
            className={cn(
              "rounded-sm px-3 py-1.5 text-sm font-medium text-zinc-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:text-zinc-400",
              current && "bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-100",
            )}
          >
            {option} days
          </Link>
        );
      })}
    </nav>
  );
}
