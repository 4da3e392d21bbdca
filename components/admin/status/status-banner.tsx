import { CircleAlert, CircleCheck, TriangleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { StatusColour } from "@/server/platform/ops/status-schema";
import { COLOUR_LABELS, COLOUR_SUMMARIES } from "./status-format";

const STYLES: Record<StatusColour, string> = {
  green: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  yellow: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
  red: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
};
const ICONS = { green: CircleCheck, yellow: TriangleAlert, red: CircleAlert } as const;

/** The overall colour, in words as well as colour (announced when it changes). */
export function StatusBanner({ status, children }: { status: StatusColour; children?: React.ReactNode }) {
  const Icon = ICONS[status];
  return (
    <div role="status" aria-live="polite" data-testid="status-banner" data-status={status} className={cn("flex flex-col gap-3 rounded-lg border p-4 sm:flex-row sm:items-center sm:justify-between", STYLES[status])}>
      <div className="flex items-center gap-3">
        <Icon aria-hidden className="size-8 shrink-0" />
        <div>
          <p className="text-lg font-semibold">System status: {COLOUR_LABELS[status]}</p>
          <p className="text-sm">{COLOUR_SUMMARIES[status]}</p>
        </div>
      </div>
      {children}
    </div>
  );
}
