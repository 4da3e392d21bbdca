import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * A page's loading state: its title and intro line, then the page's own blocks. With a label it is
 * the announced status; without one, the blocks announce themselves (the dashboard's, shared with
 * its client-side pending state).
 */
export function PageSkeleton({ label, titleWidth = "w-40", introWidth = "w-80", children }: { label?: string; titleWidth?: string; introWidth?: string; children: ReactNode }) {
  return (
    <div role={label ? "status" : undefined} aria-label={label}>
      <Skeleton className={cn("mb-2 h-8", titleWidth)} />
      <Skeleton className={cn("mb-6 h-4 max-w-full", introWidth)} />
      {children}
    </div>
  );
}

/** One placeholder block per entry of `blocks` (its size classes), laid out by `className`. */
export function SkeletonBlocks({ blocks, className = "flex flex-col gap-6" }: { blocks: readonly string[]; className?: string }) {
  return (
    <div className={className}>
      {blocks.map((block, i) => (
        <Skeleton key={i} className={block} />
      ))}
    </div>
  );
}
