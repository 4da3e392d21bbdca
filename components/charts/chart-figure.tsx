import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** Tables longer than this are left out: the caption's summary says what the chart shows. */
const MAX_TABLE_ROWS = 62;

interface ChartFigureProps {
  /** What the chart shows, in words (read by screen readers, shown small below the chart). */
  caption: ReactNode;
  /** The chart's data for screen readers: column headings and rows of already formatted cells. */
  table?: { columns: string[]; rows: string[][] };
  className?: string;
  /** The drawn chart: hidden from assistive technology, which reads the table instead. */
  children: ReactNode;
  testId?: string;
  /** Extra data attributes for tests (e.g. the bucket shown). */
  data?: Record<string, string | number>;
}

export function ChartFigure({ caption, table, className, children, testId, data }: ChartFigureProps) {
  const attributes = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, String(v)]));
  return (
    <figure className={cn("flex flex-col gap-2", className)} data-testid={testId} {...attributes}>
      <div className="h-56 w-full sm:h-64" aria-hidden>
        {children}
      </div>
      <figcaption className="text-xs text-zinc-500 dark:text-zinc-400">{caption}</figcaption>
      {table && table.rows.length <= MAX_TABLE_ROWS ? (
        // A table sizes itself to its content whatever its own width says: the wrapper hides it.
        <div className="sr-only">
          <table>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </figure>
  );
}
