import { cn } from "@/components/ui/cn";

interface RangeBarProps {
  value: number;
  /** The normal band. */
  low: number;
  high: number;
  /** The spread of the baseline, to size the track around the band. */
  sd: number;
  className?: string;
}

/**
 * A value against its normal range: a track of the baseline ±3 SD, the normal band shaded, a
 * marker at the value (pinned to the ends when beyond them). Drawn with CSS: no chart library.
 */
export function RangeBar({ value, low, high, sd, className }: RangeBarProps) {
  const spread = Math.max(sd, (high - low) / 2, Math.abs(high) * 1e-3, 1e-9);
  const mid = (low + high) / 2;
  const min = Math.min(mid - 3 * spread, value);
  const max = Math.max(mid + 3 * spread, value);
  const at = (v: number) => ((v - min) / (max - min)) * 100;
  const inside = value >= low && value <= high;
  return (
    <div className={cn("relative h-2 w-full rounded-full bg-zinc-100 dark:bg-zinc-800", className)} aria-hidden>
      <div className="absolute inset-y-0 rounded-full bg-brand-200 dark:bg-brand-800" style={{ left: `${at(low)}%`, width: `${Math.max(at(high) - at(low), 1)}%` }} />
      <div
        className={cn(
          "absolute top-1/2 size-3 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white dark:border-zinc-900",
          inside ? "bg-brand-600 dark:bg-brand-400" : "bg-amber-500",
        )}
        style={{ left: `${Math.min(100, Math.max(0, at(value)))}%` }}
      />
    </div>
  );
}
