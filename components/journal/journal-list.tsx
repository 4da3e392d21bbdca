"use client";

import { NotebookPen, StickyNote } from "lucide-react";
import { useId, useState } from "react";
import { HistoryLimitNote } from "@/components/plans/history-limit-note";
import { useCurrentPlan } from "@/components/plans/use-current-plan";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { entriesBetween } from "./entry-view";
import { LIST_PAGE_SIZE, RATING_MAX, shiftDate, shortDate } from "./journal-constants";
import { useLocalJournal } from "./use-local-journal";

/**
 * The entries of a range from this device's copy, newest first, a page at a time; each opens in the
 * editor. Days before the plan's history window (when the plan is known) are left out, as the server does.
 */
export function JournalList({ today, onPick }: { today: string; onPick(date: string): void }) {
  const id = useId();
  const journal = useLocalJournal();
  const plan = useCurrentPlan();
  const [range, setRange] = useState({
    from: shiftDate(today, -29),
    to: today,
  });
  const [shown, setShown] = useState(LIST_PAGE_SIZE);
  const invalid = range.from > range.to;
  const historyStart = plan.data?.historyStart ?? null;
  const from = historyStart && historyStart > range.from ? historyStart : range.from;
  const matching = journal ? entriesBetween(journal.entries, from, range.to) : [];
  const pick = (next: typeof range) => {
    setRange(next);
    setShown(LIST_PAGE_SIZE);
  };

  return (
    <section aria-label="Journal entries" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-from`}>From</Label>
          <Input id={`${id}-from`} type="date" className="w-44" value={range.from} max={today} onChange={(e) => e.target.value && pick({ ...range, from: e.target.value })} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-to`}>To</Label>
          <Input
            id={`${id}-to`}
            type="date"
            className="w-44"
            value={range.to}
            max={today}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? `${id}-range-error` : undefined}
            onChange={(e) => e.target.value && pick({ ...range, to: e.target.value })}
          />
        </div>
      </div>
      {!invalid ? <HistoryLimitNote from={range.from} /> : null}
      {invalid ? (
        <p id={`${id}-range-error`} className="text-sm text-red-600 dark:text-red-400" role="alert">
          The end date must be on or after the start date.
        </p>
      ) : !journal ? (
        <div className="flex flex-col gap-2" aria-busy="true" aria-label="Loading entries">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-16" />
          ))}
        </div>
      ) : matching.length === 0 ? (
        <EmptyState
          icon={<NotebookPen />}
          title="No entries in this range"
          description="Rate your mood and energy, tag what happened and jot a note: after a few weeks your insights show what goes with your better days."
          action={<Button onClick={() => onPick(today)}>Write today’s entry</Button>}
        />
      ) : (
        <>
          <ul className="flex flex-col divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {matching.slice(0, shown).map((entry) => (
              <li key={entry.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="flex flex-col gap-1">
                  <span className="font-medium">{shortDate(entry.date)}</span>
                  <span className="flex flex-wrap items-center gap-1.5 text-sm text-zinc-600 dark:text-zinc-400">
                    <span>Mood {entry.mood === null ? "–" : `${entry.mood}/${RATING_MAX}`}</span>
                    <span aria-hidden>·</span>
                    <span>Energy {entry.energy === null ? "–" : `${entry.energy}/${RATING_MAX}`}</span>
                    {entry.tags.map((tag) => (
                      <Badge key={tag.id} variant="neutral">
                        {tag.name}
                      </Badge>
                    ))}
                    {entry.notes ? (
                      <Badge variant="outline">
                        <StickyNote className="size-3" aria-hidden />
                        Note
                      </Badge>
                    ) : null}
                  </span>
                </div>
                <Button variant="outline" size="sm" onClick={() => onPick(entry.date)} aria-label={`Edit the entry of ${shortDate(entry.date)}`}>
                  Edit
                </Button>
              </li>
            ))}
          </ul>
          {matching.length > shown ? (
            <div>
              <Button variant="outline" size="sm" onClick={() => setShown((n) => n + LIST_PAGE_SIZE)}>
                Show older
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
