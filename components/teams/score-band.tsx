import { Badge } from "@/components/ui/badge";
import type { SharedScoreView } from "@/server/account/teams/schemas";

const BAND: Record<NonNullable<SharedScoreView["band"]>, { label: string; variant: "success" | "default" | "warning" | "danger" }> = {
  peak: { label: "Peak", variant: "success" },
  good: { label: "Good", variant: "default" },
  fair: { label: "Fair", variant: "warning" },
  low: { label: "Low", variant: "danger" },
};

/** A score with its band, or a dash for a day without one. */
export function ScoreWithBand({ day }: { day: SharedScoreView | null }) {
  if (!day || day.score === null || !day.band) return <span className="text-zinc-500">–</span>;
  const band = BAND[day.band];
  return (
    <span className="inline-flex items-center gap-2">
      <span className="font-semibold tabular-nums">{day.score}</span>
      <Badge variant={band.variant}>{band.label}</Badge>
    </span>
  );
}
