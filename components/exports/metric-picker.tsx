"use client";

import { useId } from "react";
import { trendMetricsByGroup } from "@/server/health/analytics/trends/catalog";

const GROUPS = trendMetricsByGroup()
  .map((g) => ({ ...g, metrics: g.metrics.filter((m) => m.kind === "series") }))
  .filter((g) => g.metrics.length > 0);

/** The time-series metrics as checkboxes, by group; at least one must stay chosen. */
export function MetricPicker({ selected, onChange, error }: { selected: string[]; onChange: (metrics: string[]) => void; error?: string }) {
  const errorId = useId();
  const toggle = (key: string, on: boolean) => onChange(on ? [...selected, key] : selected.filter((m) => m !== key));
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium">
        Metrics <span className="font-normal text-zinc-600 dark:text-zinc-400">({selected.length} chosen)</span>
      </legend>
      <div className="grid gap-4 sm:grid-cols-2">
        {GROUPS.map((group) => (
          <div key={group.id} role="group" aria-label={group.label} className="flex flex-col gap-1">
            <span className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{group.label}</span>
            {group.metrics.map((metric) => (
              <label key={metric.key} className="flex cursor-pointer items-center gap-2 text-sm">
                <input type="checkbox" className="size-4 accent-brand-600" checked={selected.includes(metric.key)} onChange={(e) => toggle(metric.key, e.target.checked)} />
                {metric.label}
              </label>
            ))}
          </div>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
