"use client";

import { cn } from "@/components/ui/cn";

/** A row of toggle buttons choosing one option (a keyboard user tabs to each and presses it). */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string; disabled?: boolean; title?: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <div role="group" aria-label={label} className="inline-flex flex-wrap rounded-md bg-zinc-100 p-1 dark:bg-zinc-800">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={value === option.value}
          disabled={option.disabled}
          title={option.title}
          onClick={() => onChange(option.value)}
          className={cn(
            "rounded-sm px-3 py-1.5 text-sm font-medium text-zinc-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:cursor-not-allowed disabled:opacity-40 dark:text-zinc-400",
            value === option.value && "bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-100",
          )}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
