"use client";

import { useId, useMemo } from "react";
import { Combobox } from "@/components/ui/combobox";
import { timeZoneOptions } from "./time-zones";

interface TimeZoneFieldProps {
  value: string;
  onChange: (zone: string) => void;
  error?: string | null;
  hint?: string;
}

export function TimeZoneField({ value, onChange, error, hint }: TimeZoneFieldProps) {
  const id = useId();
  const options = useMemo(() => timeZoneOptions(value), [value]);
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <span id={`${id}-label`} className="text-sm font-medium leading-none">
        Time zone
      </span>
      <Combobox
        id={id}
        aria-labelledby={`${id}-label ${id}`}
        options={options}
        value={value}
        onChange={onChange}
        searchLabel="Search time zones"
        emptyText="No time zone matches. Try a city name."
        invalid={Boolean(error)}
        describedBy={describedBy}
      />
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
