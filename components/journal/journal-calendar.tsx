"use client";

import { ChevronLeft, ChevronRight, NotebookPen } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import type { MonthView } from "@/server/health/journal/schemas";
import { monthOf } from "./entry-view";
import { longDate, moodTone, RATING_MAX } from "./journal-constants";
import { useLocalJournal } from "./use-local-journal";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const TONE = {
  none: "bg-brand-100 text-brand-800 dark:bg-brand-700/30 dark:text-brand-100",
  low: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200",
  mid: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200",
  good: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200",
} as const;

const pad = (n: number) => String(n).padStart(2, "0");

/** The days of a month in weeks from Monday; null for the blanks before the first and after the last. */
function weeksOf(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [...Array.from({ length: lead }, () => null), ...Array.from({ length: days }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

function describeDay(date: string, day: MonthView["days"][number] | undefined): string {
  if (!day) return `${longDate(date)}: no entry`;
  const parts = [
    day.mood !== null ? `mood ${day.mood} of ${RATING_MAX}` : null,
    day.energy !== null ? `energy ${day.energy}` : null,
    day.tagCount ? `${day.tagCount} tag${day.tagCount > 1 ? "s" : ""}` : null,
    day.hasNotes ? "a note" : null,
  ];
  return `${longDate(date)}: ${parts.filter(Boolean).join(", ") || "entry"}`;
}

/** A month of the journal: which days have an entry and their mood; a day opens its entry. */
export function JournalCalendar({ selected, today, onPick }: { selected: string; today: string; onPick(date: string): void }) {
  const journal = useLocalJournal();
  const [at, setAt] = useState({
    year: Number(selected.slice(0, 4)),
    month: Number(selected.slice(5, 7)),
  });
  const month = journal ? monthOf(journal.entries, at.year, at.month) : undefined;
  const move = (by: number) =>
    setAt(({ year, month: m }) => ({
      year: m + by > 12 ? year + 1 : m + by < 1 ? year - 1 : year,
      month: ((m + by + 11) % 12) + 1,
    }));
  const title = new Date(Date.UTC(at.year, at.month - 1, 1)).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  const byDate = new Map((month?.days ?? []).map((d) => [d.date, d]));
  const atCurrentMonth = `${at.year}-${pad(at.month)}` >= today.slice(0, 7);

  return (
    <section aria-labelledby="journal-month-title" className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-2">
        <Button type="button" variant="outline" size="icon" onClick={() => move(-1)} aria-label="Previous month">
          <ChevronLeft className="size-4" aria-hidden />
        </Button>
        <h2 id="journal-month-title" className="text-lg font-semibold" aria-live="polite">
          {title}
        </h2>
        <Button type="button" variant="outline" size="icon" onClick={() => move(1)} disabled={atCurrentMonth} aria-label="Next month">
          <ChevronRight className="size-4" aria-hidden />
        </Button>
      </div>
      {!month ? (
        <Skeleton className="h-72" aria-label="Loading the month" />
      ) : (
        <>
          <table className="w-full table-fixed border-separate border-spacing-1 text-sm">
            <thead>
              <tr>
                {WEEKDAYS.map((d) => (
                  <th key={d} scope="col" className="pb-1 text-xs font-medium text-zinc-500">
                    {d}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeksOf(at.year, at.month).map((week, w) => (
                <tr key={w}>
                  {week.map((date, d) => {
                    if (!date) return <td key={d} />;
                    const day = byDate.get(date);
                    return (
                      <td key={date} className="p-0">
                        <button
                          type="button"
                          onClick={() => onPick(date)}
                          disabled={date > today}
                          aria-label={describeDay(date, day)}
                          aria-current={date === today ? "date" : undefined}
                          aria-pressed={date === selected}
                          className={cn(
                            "flex aspect-square w-full min-h-10 flex-col items-center justify-center rounded-md text-sm transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:cursor-not-allowed disabled:opacity-40",
                            day ? TONE[moodTone(day.mood)] : "hover:bg-zinc-100 dark:hover:bg-zinc-800",
                            date === selected && "ring-2 ring-brand-600",
                            date === today && "font-bold underline",
                          )}
                        >
                          <span>{Number(date.slice(8))}</span>
                          {day ? <span className="text-[10px] leading-none tabular-nums">{day.mood ?? "•"}</span> : null}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {month.days.length === 0 ? (
            <p className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
              <NotebookPen className="size-4" aria-hidden />
              No entries in {title}. Pick a day to write one.
            </p>
          ) : (
            <p className="text-xs text-zinc-500">
              {month.days.length} {month.days.length === 1 ? "entry" : "entries"}. The small number is the day’s mood (red 1–3, amber 4–6, green 7–10).
            </p>
          )}
        </>
      )}
    </section>
  );
}
