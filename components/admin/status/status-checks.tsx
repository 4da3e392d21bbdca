import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import type { StatusCheck } from "@/server/platform/ops/status-schema";
import { BADGE_VARIANTS, COLOUR_LABELS, formatThresholds, formatValue, formatWindow } from "./status-format";

/** Each check with its number, both thresholds, the window and how many samples it is from. */
export function StatusChecks({ checks }: { checks: StatusCheck[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Status checks">
      {checks.map((check) => (
        <li key={check.id} data-testid="status-check" data-check-id={check.id} data-status={check.status}>
          <Card className="h-full">
            <CardContent className="flex h-full flex-col gap-2 pt-4">
              <div className="flex items-start justify-between gap-2">
                <h2 className="font-medium">{check.name}</h2>
                <Badge variant={BADGE_VARIANTS[check.status]}>{COLOUR_LABELS[check.status]}</Badge>
              </div>
              <p className="text-3xl font-semibold tabular-nums">{check.value === null ? "No data" : formatValue(check.value, check.unit)}</p>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">{formatThresholds(check)}</p>
              <p className="text-xs text-zinc-500">
                {formatWindow(check)}
                {check.sample !== null ? ` · from ${check.sample.toLocaleString("en")}` : null}
              </p>
              {check.note ? <p className="mt-auto text-sm text-zinc-600 dark:text-zinc-400">{check.note}</p> : null}
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}
