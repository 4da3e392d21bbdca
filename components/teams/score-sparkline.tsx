"use client";

import { Line, LineChart, ResponsiveContainer, YAxis } from "recharts";
import { CHART_COLORS } from "@/components/charts/chart-parts";
import type { SharedScoreView } from "@/server/account/teams/schemas";

/** A member's last days of scores as a tiny line (0–100); gaps where a day has no score. */
export function ScoreSparkline({ days }: { days: SharedScoreView[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={days} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={[0, 100]} />
        <Line type="monotone" dataKey="score" stroke={CHART_COLORS[1]} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
