"use client";

import { Button } from "@/components/ui/button";
import { Slider } from "@/components/ui/slider";
import { RATING_MAX, RATING_MIN, RATING_START } from "./journal-constants";

/**
 * A 1–10 rating that may be left out: until it is moved (or set from the keyboard) it says "Not
 * rated" and saves nothing; "Clear" takes the rating back out.
 */
export function RatingSlider({ id, label, low, high, value, onChange }: { id: string; label: string; low: string; high: string; value: number | null; onChange(value: number | null): void }) {
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <span id={`${id}-label`} className="text-sm font-medium">
          {label}
        </span>
        <span className="flex items-center gap-2 text-sm tabular-nums" aria-live="polite">
          {value === null ? <span className="text-zinc-500">Not rated</span> : <span className="font-semibold">{value} / {RATING_MAX}</span>}
          {value !== null ? (
            <Button type="button" variant="ghost" size="sm" onClick={() => onChange(null)} aria-label={`Clear ${label.toLowerCase()}`}>
              Clear
            </Button>
          ) : null}
        </span>
      </div>
      <Slider
        aria-labelledby={`${id}-label`}
        thumbLabel={label}
        thumbValueText={value === null ? "Not rated" : `${value} of ${RATING_MAX}`}
        min={RATING_MIN}
        max={RATING_MAX}
        step={1}
        value={[value ?? RATING_START]}
        muted={value === null}
        onValueChange={([next]) => onChange(next ?? null)}
      />
      <div className="flex justify-between text-xs text-zinc-500" aria-hidden>
        <span>
          {RATING_MIN} · {low}
        </span>
        <span>
          {high} · {RATING_MAX}
        </span>
      </div>
    </div>
  );
}
