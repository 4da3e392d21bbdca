import { cn } from "@/components/ui/cn";
import { percentOf } from "./import-format";

interface ImportProgressBarProps {
  label: string;
  done: number;
  total: number;
  /** What a screen reader hears besides the percentage, e.g. "1.2 MB of 3 MB". */
  detail?: string;
  className?: string;
}

/** A labelled determinate bar; the label and the figures are visible as well as announced. */
export function ImportProgressBar({ label, done, total, detail, className }: ImportProgressBarProps) {
  const percent = percentOf(done, total);
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <div className="flex justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <span>{label}</span>
        <span className="tabular-nums">
          {detail ? `${detail} · ` : null}
          {percent}%
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={detail ? `${percent}%, ${detail}` : `${percent}%`}
        className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-300 motion-reduce:transition-none" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
