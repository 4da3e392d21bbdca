import { cn } from "@/components/ui/cn";
import { FEATURE_NAMES } from "@/server/account/plans/labels";
import type { UsageView } from "@/server/account/plans/schemas";

/** One metered feature's uses today against the plan's allowance, as a bar ("2 of 3 today"). */
export function UsageMeter({ usage }: { usage: UsageView }) {
  const label = FEATURE_NAMES[usage.feature];
  const text = usage.limit === null ? `${usage.used} today (no limit)` : `${usage.used} of ${usage.limit} today`;
  const share = usage.limit === null || usage.limit === 0 ? 0 : Math.min(1, usage.used / usage.limit);
  const full = usage.limit !== null && usage.used >= usage.limit;
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className={cn("tabular-nums text-zinc-600 dark:text-zinc-400", full && "font-medium text-amber-700 dark:text-amber-400")}>{text}</span>
      </div>
      <div
        role="meter"
        aria-label={`${label}: ${text}`}
        aria-valuemin={0}
        aria-valuemax={usage.limit ?? Math.max(usage.used, 1)}
        aria-valuenow={usage.used}
        className="h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
      >
        <div className={cn("h-full rounded-full transition-[width]", full ? "bg-amber-500" : "bg-brand-600")} style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}
