"use client";

import { useId, useState, type ChangeEvent } from "react";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { CONTRIBUTOR_INFO } from "@/server/health/analytics/energy-score/labels";
import { MAX_WEIGHT } from "@/server/health/analytics/energy-score/weights";
import { CONTRIBUTOR_KEYS, type ContributorKey, type ScoreWeights } from "@/server/health/analytics/types";
import { applyDraft, sameDraft, sharesOf, withWeight, type WeightValues } from "./weight-draft";

export interface WeightsEditorProps {
  /** What each weight is without an override here (the layer below). */
  inherited: WeightValues;
  /** How that layer is called in the rows: "default", "BioSync default". */
  inheritedName: string;
  /** The overrides stored now. */
  saved: ScoreWeights;
  onSave: (overrides: ScoreWeights) => void;
  onReset: () => void;
  saving: boolean;
  resetting: boolean;
  error: unknown;
  resetLabel: string;
}

/** One slider and number box per contributor; a row set away from what it inherits is an override. */
export function WeightsEditor({ inherited, inheritedName, saved, onSave, onReset, saving, resetting, error, resetLabel }: WeightsEditorProps) {
  const [draft, setDraft] = useState<ScoreWeights>(saved);
  const weights = applyDraft(inherited, draft);
  const shares = sharesOf(weights);
  const fieldErrors = fieldErrorsOf(error);
  const formError = formErrorOf(error, fieldErrors) ?? fieldErrors.weights ?? null;
  const dirty = !sameDraft(draft, saved);
  const busy = saving || resetting;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft);
      }}
      className="flex flex-col gap-2"
    >
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {CONTRIBUTOR_KEYS.map((key) => (
          <WeightRow
            key={key}
            contributor={key}
            value={weights[key]}
            share={shares[key]}
            inherited={inherited[key]}
            inheritedName={inheritedName}
            overridden={draft[key] !== undefined}
            error={fieldErrors[`weights.${key}`]}
            disabled={busy}
            onChange={(value) => setDraft((current) => withWeight(current, inherited, key, value))}
          />
        ))}
      </ul>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <div className="flex flex-wrap gap-2 pt-2">
        <Button type="submit" pending={saving} disabled={busy || !dirty}>
          Save weights
        </Button>
        <Button type="button" variant="outline" disabled={busy || !dirty} onClick={() => setDraft(saved)}>
          Undo changes
        </Button>
        <Button type="button" variant="ghost" pending={resetting} disabled={busy || Object.keys(saved).length === 0} onClick={onReset}>
          {resetLabel}
        </Button>
      </div>
    </form>
  );
}

interface WeightRowProps {
  contributor: ContributorKey;
  value: number;
  share: number;
  inherited: number;
  inheritedName: string;
  overridden: boolean;
  error?: string;
  disabled: boolean;
  onChange: (value: number) => void;
}

function WeightRow({ contributor, value, share, inherited, inheritedName, overridden, error, disabled, onChange }: WeightRowProps) {
  const id = useId();
  const info = CONTRIBUTOR_INFO[contributor];
  const journal = contributor.startsWith("journal_");
  const set = (raw: string) => {
    const n = Number(raw);
    if (raw !== "" && Number.isInteger(n) && n >= 0 && n <= MAX_WEIGHT) onChange(n);
  };
  // The slider and the number box are two views of one weight.
  const weight = { min: 0, max: MAX_WEIGHT, step: 1, value, disabled, onChange: (event: ChangeEvent<HTMLInputElement>) => set(event.target.value) };
  return (
    <li className="flex flex-col gap-2 py-4" data-testid={`weight-${contributor}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Label htmlFor={`${id}-range`}>{info.label}</Label>
        <span className="text-xs text-zinc-500">
          {journal ? "on days with a journal entry" : value === 0 ? "not counted" : `about ${share}% of a full day's score`}
          {overridden ? ` · yours, ${inheritedName} ${inherited}` : ` · ${inheritedName}`}
        </span>
      </div>
      <p id={`${id}-description`} className="text-sm text-zinc-600 dark:text-zinc-400">
        {info.description}
      </p>
      <div className="flex items-center gap-3">
        <input
          id={`${id}-range`}
          type="range"
          {...weight}
          aria-describedby={`${id}-description`}
          aria-valuetext={`${value} of ${MAX_WEIGHT}`}
          className="h-2 min-w-0 flex-1 cursor-pointer accent-brand-600 disabled:cursor-not-allowed"
        />
        <label htmlFor={`${id}-number`} className="sr-only">
          {info.label} weight
        </label>
        <input
          id={`${id}-number`}
          type="number"
          inputMode="numeric"
          {...weight}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="h-9 w-16 rounded-md border border-zinc-300 bg-white px-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {overridden ? (
          <Button
            type="button"
            variant="link"
            size="sm"
            className="w-14 px-0"
            disabled={disabled}
            aria-label={`Reset ${info.label} to the ${inheritedName} (${inherited})`}
            onClick={() => onChange(inherited)}
          >
            Reset
          </Button>
        ) : (
          <span className="w-14" aria-hidden />
        )}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </li>
  );
}
