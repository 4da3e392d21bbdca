"use client";

import { Check, Plus } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { MAX_TAG_NAME } from "@/server/health/journal/limits";
import { displayTagName, normalizeTagName } from "@/server/health/journal/tag-names";

/**
 * The day's tags as toggle chips: the user's own tags, then the suggested ones not yet in their set
 * (dashed), and a field to add a new one. A chosen tag that does not exist yet is created on save.
 */
export function TagChips({ known, suggestions, selected, onChange }: { known: readonly string[]; suggestions: readonly string[]; selected: readonly string[]; onChange(next: string[]): void }) {
  const inputId = useId();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const chosen = new Set(selected.map(normalizeTagName));
  const mine = new Set(known.map(normalizeTagName));
  // Tags chosen in this edit that are new to the set show with the user's own.
  const own = [...known, ...selected.filter((name) => !mine.has(normalizeTagName(name)) && !suggestions.some((s) => normalizeTagName(s) === normalizeTagName(name)))];
  const toggle = (name: string) => {
    const key = normalizeTagName(name);
    onChange(chosen.has(key) ? selected.filter((s) => normalizeTagName(s) !== key) : [...selected, name]);
  };
  const add = () => {
    const name = displayTagName(draft);
    if (!name) return setError("Use letters or numbers in a tag name.");
    setError(null);
    setDraft("");
    if (!chosen.has(normalizeTagName(name))) onChange([...selected, name]);
  };

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-medium">Tags</legend>
      <div className="flex flex-wrap gap-2">
        {own.map((name) => (
          <Chip key={normalizeTagName(name)} name={name} pressed={chosen.has(normalizeTagName(name))} onToggle={() => toggle(name)} />
        ))}
        {suggestions.map((name) => (
          <Chip key={`suggested-${name}`} name={name} pressed={chosen.has(normalizeTagName(name))} suggested onToggle={() => toggle(name)} />
        ))}
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={inputId} className="text-xs text-zinc-600 dark:text-zinc-400">
          New tag
        </label>
        <div className="flex gap-2">
          <Input
            id={inputId}
            value={draft}
            maxLength={MAX_TAG_NAME}
            placeholder="e.g. sauna"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
          />
          <Button type="button" variant="outline" onClick={add} disabled={draft.trim() === ""}>
            <Plus className="size-4" aria-hidden />
            Add tag
          </Button>
        </div>
        {error ? (
          <p id={`${inputId}-error`} className="text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}

function Chip({ name, pressed, suggested = false, onToggle }: { name: string; pressed: boolean; suggested?: boolean; onToggle(): void }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onToggle}
      className={cn(
        "inline-flex min-h-9 items-center gap-1 rounded-full border px-3 py-1 text-sm transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500",
        pressed ? "border-brand-600 bg-brand-600 text-white" : "border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800",
        suggested && !pressed && "border-dashed text-zinc-600 dark:text-zinc-400",
      )}
    >
      {pressed ? <Check className="size-3.5" aria-hidden /> : null}
      {name}
    </button>
  );
}
