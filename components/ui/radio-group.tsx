"use client";

import { RadioGroup as RadioGroupPrimitive } from "radix-ui";
import { cn } from "./cn";

export function RadioGroup({ className, ...props }: React.ComponentProps<typeof RadioGroupPrimitive.Root>) {
  return <RadioGroupPrimitive.Root className={cn("grid gap-2", className)} {...props} />;
}

export function RadioGroupItem({ className, ...props }: React.ComponentProps<typeof RadioGroupPrimitive.Item>) {
  return (
    <RadioGroupPrimitive.Item
      className={cn(
        "aspect-square size-4 shrink-0 rounded-full border border-zinc-400 text-brand-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:opacity-50 data-[state=checked]:border-brand-600 dark:border-zinc-600 dark:focus-visible:ring-offset-zinc-950",
        className,
      )}
      {...props}
    >
      <RadioGroupPrimitive.Indicator className="flex items-center justify-center">
        <span className="block size-2 rounded-full bg-current" />
      </RadioGroupPrimitive.Indicator>
    </RadioGroupPrimitive.Item>
  );
}

/**
 * A selectable card: the whole box is the radio's label, so the target is large on touch screens.
 */
export function RadioCard({ value, title, description, id }: { value: string; title: string; description?: string; id: string }) {
  return (
    <label
      htmlFor={id}
      className="flex cursor-pointer items-start gap-3 rounded-lg border border-zinc-200 p-4 transition-colors hover:bg-zinc-50 has-[[data-state=checked]]:border-brand-600 has-[[data-state=checked]]:bg-brand-50 dark:border-zinc-800 dark:hover:bg-zinc-900 dark:has-[[data-state=checked]]:bg-brand-700/20"
    >
      <RadioGroupItem value={value} id={id} className="mt-0.5" />
      <span className="flex flex-col gap-0.5">
        <span className="text-sm font-medium">{title}</span>
        {description ? <span className="text-sm text-zinc-600 dark:text-zinc-400">{description}</span> : null}
      </span>
    </label>
  );
}
