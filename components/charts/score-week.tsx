import { cn } from "@/components/ui/cn";

export interface ScoreWeekDay {
  date: string;
  /** Short day name under the bar. */
  label: string;
  score: number | null;
  /** Shown instead of a bar when there is no score ("calibrating", "no data"). */
  note?: string;
}

/** The last days' scores as labelled bars (0–100), with each number above its bar. Plain HTML: no chart library. */
export function ScoreWeek({ days, className }: { days: ScoreWeekDay[]; className?: string }) {
  return (
    <ol className={cn("grid h-40 items-end gap-2", className)} style={{ gridTemplateColumns: `repeat(${days.length}, minmax(0, 1fr))` }}>
      {days.map((day) => (
        <li key={day.date} className="flex h-full flex-col items-center justify-end gap-1">
          <span className="text-xs font-medium tabular-nums" aria-hidden>
            {day.score ?? "–"}
          </span>
          <div className="flex w-full max-w-10 flex-1 items-end">
            {day.score === null ? (
              <div className="h-1 w-full rounded bg-zinc-200 dark:bg-zinc-800" title={day.note} />
            ) : (
              <div className="w-full rounded-t bg-brand-500 dark:bg-brand-400" style={{ height: `${Math.max(2, Math.min(100, day.score))}%` }} />
            )}
          </div>
          <span className="text-xs text-zinc-500">
            {day.label}
            <span className="sr-only">: {day.score === null ? (day.note ?? "no score") : `score ${day.score}`}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
