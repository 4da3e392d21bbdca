"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useId } from "react";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { useDraft } from "@/components/sync/use-draft";
import { MAX_NOTES } from "@/server/health/journal/limits";
import type { TagList } from "@/server/health/journal/schemas";
import { DeleteEntryDialog } from "./delete-entry-dialog";
import { longDate, shiftDate } from "./journal-constants";
import { RatingSlider } from "./rating-slider";
import { TagChips } from "./tag-chips";
import type { LocalEntry } from "./entry-view";
import { useJournalMutations } from "./use-journal-mutations";
import { useLocalJournal } from "./use-local-journal";

/** The entry of one date: pick the day, rate mood and energy, choose tags, write notes; save or delete. */
export function EntryEditor({ date, today, onDateChange }: { date: string; today: string; onDateChange(date: string): void }) {
  const journal = useLocalJournal();
  const entry = journal?.entries.find((e) => e.date === date) ?? null;
  const dateId = useId();

  return (
    <Card>
      <CardHeader>
        <CardTitle>{date === today ? "Today’s entry" : longDate(date)}</CardTitle>
        <CardDescription>{date === today ? longDate(date) : "One entry per day: saving again updates it."}</CardDescription>
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <Button type="button" variant="outline" size="icon" onClick={() => onDateChange(shiftDate(date, -1))} aria-label="Previous day">
            <ChevronLeft className="size-4" aria-hidden />
          </Button>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={dateId}>Day</Label>
            <Input id={dateId} type="date" className="w-44" value={date} max={today} onChange={(e) => e.target.value && onDateChange(e.target.value)} />
          </div>
          <Button type="button" variant="outline" size="icon" onClick={() => onDateChange(shiftDate(date, 1))} disabled={date >= today} aria-label="Next day">
            <ChevronRight className="size-4" aria-hidden />
          </Button>
          {date !== today ? (
            <Button type="button" variant="ghost" onClick={() => onDateChange(today)}>
              Back to today
            </Button>
          ) : null}
        </div>
      </CardHeader>
      <CardContent>
        {!journal ? (
          <div className="flex flex-col gap-6" aria-busy="true" aria-label="Loading the entry">
            <Skeleton className="h-14" />
            <Skeleton className="h-14" />
            <Skeleton className="h-24" />
            <Skeleton className="h-32" />
          </div>
        ) : (
          <EntryForm key={date} date={date} entry={entry} tags={journal.tags} />
        )}
      </CardContent>
    </Card>
  );
}

function EntryForm({ date, entry, tags }: { date: string; entry: LocalEntry | null; tags: TagList }) {
  const notesId = useId();
  const draft = useDraft({ mood: entry?.mood ?? null, energy: entry?.energy ?? null, tags: entry?.tags.map((t) => t.name) ?? [], notes: entry?.notes ?? "" });
  const { mood, energy, tags: chosen, notes } = draft.values;
  const { save, remove } = useJournalMutations();
  const fieldErrors = fieldErrorsOf(save.error);
  const formError = formErrorOf(save.error, fieldErrors);
  const tagError = Object.entries(fieldErrors).find(([path]) => path.startsWith("tags"))?.[1];

  return (
    <form
      className="flex flex-col gap-6"
      onSubmit={(e) => {
        e.preventDefault();
        const saved = { mood, energy, tags: chosen, notes };
        void save.mutateAsync({ date, ...saved }).then(
          () => draft.settle(saved),
          () => undefined,
        );
      }}
    >
      <div className="grid gap-6 sm:grid-cols-2">
        <RatingSlider id={`${notesId}-mood`} label="Mood" low="awful" high="great" value={mood} onChange={(value) => draft.set("mood", value)} />
        <RatingSlider id={`${notesId}-energy`} label="Energy" low="drained" high="full of energy" value={energy} onChange={(value) => draft.set("energy", value)} />
      </div>
      {fieldErrors.mood || fieldErrors.energy ? (
        <p className="text-sm text-red-600 dark:text-red-400" role="alert">
          {fieldErrors.mood ?? fieldErrors.energy}
        </p>
      ) : null}
      <TagChips known={tags.tags.map((t) => t.name)} suggestions={tags.suggestions} selected={chosen} onChange={(value) => draft.set("tags", value)} />
      {tagError ? (
        <p className="text-sm text-red-600 dark:text-red-400" role="alert">
          {tagError}
        </p>
      ) : null}
      {entry?.answeredNo.length ? <p className="text-xs text-zinc-500">Answered “no” in WHOOP: {entry.answeredNo.map((t) => t.name).join(", ")}</p> : null}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={notesId}>Notes</Label>
        <textarea
          id={notesId}
          value={notes}
          maxLength={MAX_NOTES}
          rows={5}
          onChange={(e) => draft.set("notes", e.target.value)}
          aria-invalid={fieldErrors.notes ? true : undefined}
          aria-describedby={`${notesId}-hint`}
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm placeholder:text-zinc-400 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
          placeholder="Anything worth remembering about the day"
        />
        <p id={`${notesId}-hint`} className={fieldErrors.notes ? "text-xs text-red-600 dark:text-red-400" : "text-xs text-zinc-500"}>
          {fieldErrors.notes ?? "Notes are encrypted where they are stored and never sent to the AI that writes your recommendations."}
        </p>
      </div>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {entry?.pending ? <p className="text-xs text-zinc-500">Saved on this device; it is sent when you are online.</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={save.isPending}>
          {entry ? "Save changes" : "Save entry"}
        </Button>
        {entry ? <DeleteEntryDialog date={date} pending={remove.isPending} onConfirm={() => remove.mutateAsync({ date })} /> : null}
      </div>
    </form>
  );
}
