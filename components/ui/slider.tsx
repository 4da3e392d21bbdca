"use client";

import { Slider as SliderPrimitive } from "radix-ui";
import { cn } from "./cn";

/** A one-thumb slider: arrows, Page Up/Down, Home and End move it; the thumb carries the accessible name. */
export function Slider({ className, thumbLabel, thumbValueText, muted, ...props }: React.ComponentProps<typeof SliderPrimitive.Root> & { thumbLabel: string; thumbValueText?: string; muted?: boolean }) {
  return (
    <SliderPrimitive.Root className={cn("relative flex h-6 w-full touch-none select-none items-center", className)} {...props}>
      <SliderPrimitive.Track className="relative h-2 grow overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
        <SliderPrimitive.Range className={cn("absolute h-full", muted ? "bg-transparent" : "bg-brand-600")} />
      </SliderPrimitive.Track>
      <SliderPrimitive.Thumb
        aria-label={thumbLabel}
        aria-valuetext={thumbValueText}
        className={cn(
          "block size-6 rounded-full border-2 bg-white shadow transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 dark:bg-zinc-900 dark:focus-visible:ring-offset-zinc-950",
          muted ? "border-dashed border-zinc-400" : "border-brand-600",
        )}
      />
    </SliderPrimitive.Root>
  );
}
