import { ScoreWeek } from "@/components/charts/score-week";
import { formatWeekday } from "@/components/insights/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ScorePointView } from "@/server/health/analytics/insights/schemas";
import { weekOf } from "./score-format";

const NOTE = { calibrating: "calibrating", no_data: "not enough data", scored: "no score" } as const;

/** The 7 days ending today as bars. */
export function ScoreTrend({ today, trend }: { today: string; trend: ScorePointView[] }) {
  const days = weekOf(today, trend).map(({ date, row }) => ({
    date,
    label: formatWeekday(date),
    score: row?.score ?? null,
    note: row ? NOTE[row.state] : "no data",
  }));
  const scored = trend.filter((p) => p.score !== null);
  const average = scored.length ? Math.round(scored.reduce((sum, p) => sum + p.score!, 0) / scored.length) : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Last 7 days</CardTitle>
        <CardDescription>{average === null ? "No scored days this week yet." : `Average ${average} over ${scored.length} scored ${scored.length === 1 ? "day" : "days"}.`}</CardDescription>
      </CardHeader>
      <CardContent>
        <ScoreWeek days={days} />
      </CardContent>
    </Card>
  );
}
