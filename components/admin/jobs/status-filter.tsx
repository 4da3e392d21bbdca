import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { JobRunStatus } from "@/db/schema";

const statuses: JobRunStatus[] = ["queued", "running", "completed", "failed", "cancelled"];

/** Links filtering the runs by status, each with its count. */
export function StatusFilter({ current, counts }: { current: JobRunStatus | undefined; counts: Record<JobRunStatus, number> }) {
  const total = statuses.reduce((sum, s) => sum + counts[s], 0);
  const options: { label: string; status: JobRunStatus | undefined; count: number }[] = [
    { label: "All", status: undefined, count: total },
    ...statuses.map((s) => ({ label: s[0]!.toUpperCase() + s.slice(1), status: s, count: counts[s] })),
  ];
  return (
    <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2">
      {options.map((option) => {
        const active = option.status === current;
        return (
          <Link
            key={option.label}
            href={option.status ? `/admin/jobs?status=${option.status}` : "/admin/jobs"}
            aria-current={active ? "page" : undefined}
            className={cn(
              "inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
              active
                ? "border-brand-600 bg-brand-600 text-white"
                : "border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800",
            )}
          >
            {option.label}
            <span className={cn("tabular-nums text-xs", active ? "text-white/80" : "text-zinc-500")}>{option.count}</span>
          </Link>
        );
      })}
    </nav>
  );
}
