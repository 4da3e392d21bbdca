"use client";

import { Check, ChevronsUpDown } from "lucide-react";
import { Popover } from "radix-ui";
import { useId, useMemo, useRef, useState } from "react";
import { cn } from "./cn";

export interface ComboboxOption {
  value: string;
  label: string;
}

interface ComboboxProps {
  id?: string;
  options: readonly ComboboxOption[];
  value: string | null;
  onChange: (value: string) => void;
  placeholder?: string;
  searchLabel: string;
  emptyText?: string;
  /** Most options a search shows at once; typing narrows the rest. */
  limit?: number;
  invalid?: boolean;
  describedBy?: string;
}

/** A searchable single-choice list (WAI-ARIA combobox inside a popover). */
export function Combobox({ id, options, value, onChange, placeholder = "Choose…", searchLabel, emptyText = "No matches.", limit = 100, invalid, describedBy, ...rest }: ComboboxProps & { "aria-labelledby"?: string }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);

  const matches = useMemo(() => {
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    return options.filter((option) => terms.every((term) => option.label.toLowerCase().includes(term) || option.value.toLowerCase().includes(term))).slice(0, limit);
  }, [options, query, limit]);

  const selected = options.find((option) => option.value === value);

  function choose(option: ComboboxOption | undefined) {
    if (!option) return;
    onChange(option.value);
    setOpen(false);
    setQuery("");
  }

  function moveActive(next: number) {
    const bounded = Math.max(0, Math.min(matches.length - 1, next));
    setActive(bounded);
    listRef.current?.querySelector(`[data-index="${bounded}"]`)?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") moveActive(active + 1);
    else if (event.key === "ArrowUp") moveActive(active - 1);
    else if (event.key === "Home") moveActive(0);
    else if (event.key === "End") moveActive(matches.length - 1);
    else if (event.key === "Enter") choose(matches[active]);
    else return;
    event.preventDefault();
  }

  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setQuery("");
          setActive(Math.max(0, options.findIndex((option) => option.value === value)));
        }
      }}
    >
      <Popover.Trigger
        id={id}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        aria-labelledby={rest["aria-labelledby"]}
        className={cn(
          "flex h-10 w-full items-center justify-between gap-2 rounded-md border border-zinc-300 bg-white px-3 py-2 text-left text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900",
          !selected && "text-zinc-400",
        )}
      >
        <span className="truncate">{selected?.label ?? placeholder}</span>
        <ChevronsUpDown className="size-4 shrink-0 opacity-60" aria-hidden />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          className="z-50 w-[var(--radix-popover-trigger-width)] min-w-64 rounded-md border border-zinc-200 bg-white p-1 shadow-md dark:border-zinc-800 dark:bg-zinc-900"
        >
          <input
            role="combobox"
            aria-label={searchLabel}
            aria-expanded
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={matches[active] ? `${listId}-${active}` : undefined}
            autoFocus
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            placeholder="Search…"
            className="mb-1 h-9 w-full rounded-sm border border-zinc-200 bg-transparent px-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:border-zinc-700"
          />
          <ul ref={listRef} id={listId} role="listbox" aria-label={searchLabel} className="max-h-64 overflow-y-auto">
            {matches.length === 0 ? <li className="px-2 py-1.5 text-sm text-zinc-500">{emptyText}</li> : null}
            {matches.map((option, index) => (
              <li
                key={option.value}
                id={`${listId}-${index}`}
                data-index={index}
                role="option"
                aria-selected={option.value === value}
                onMouseMove={() => setActive(index)}
                onClick={() => choose(option)}
                className={cn(
                  "relative flex cursor-default select-none items-center rounded-sm py-1.5 pl-8 pr-2 text-sm",
                  index === active && "bg-zinc-100 dark:bg-zinc-800",
                )}
              >
                {option.value === value ? <Check className="absolute left-2 size-4" aria-hidden /> : null}
                {option.label}
              </li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
