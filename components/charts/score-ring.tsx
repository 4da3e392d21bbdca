import { cn } from "@/components/ui/cn";

interface ScoreRingProps {
  /** 0–100, or null while there is no score (the ring stays empty). */
  score: number | null;
  /** What the number means, read out instead of the drawing. */
  label: string;
  className?: string;
  /** Ring colour as a text-colour class (the arc is drawn in currentColor). */
  toneClass?: string;
  children?: React.ReactNode;
}

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** The energy score as a ring filled to its value, the number (or `children`) in the middle. Plain SVG: no chart library. */
export function ScoreRing({ score, label, className, toneClass = "text-brand-600 dark:text-brand-400", children }: ScoreRingProps) {
  const filled = score === null ? 0 : Math.max(0, Math.min(100, score)) / 100;
  return (
    <div role="img" aria-label={label} className={cn("relative size-36 shrink-0", className)}>
      <svg viewBox="0 0 120 120" className="size-full -rotate-90" aria-hidden>
        <circle cx="60" cy="60" r={RADIUS} fill="none" strokeWidth="10" className="stroke-zinc-200 dark:stroke-zinc-800" />
        <circle
          cx="60"
          cy="60"
          r={RADIUS}
          fill="none"
          strokeWidth="10"
          strokeLinecap="round"
          stroke="currentColor"
          className={toneClass}
          strokeDasharray={`${filled * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
        />
      </svg>
      <div className="absolute inset-0 flex flex-col items-center justify-center" aria-hidden>
        {children ?? <span className="text-4xl font-semibold tabular-nums">{score ?? "–"}</span>}
      </div>
    </div>
  );
}
