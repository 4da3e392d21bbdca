"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

interface ScoreHistoryChartProps {
  points: { date: string; score: number | null }[];
  formatDate: (date: string) => string;
}

/** Energy score over a range (0–100), with the status bands shaded (peak ≥ 85, low < 55). */
export function ScoreHistoryChart({ points, formatDate }: ScoreHistoryChartProps) {
  return (
    <div className="h-64 w-full text-zinc-500" aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.2} />
          <ReferenceArea y1={85} y2={100} fill="var(--color-brand-500)" fillOpacity={0.08} />
          <ReferenceArea y1={0} y2={55} fill="#f59e0b" fillOpacity={0.08} />
          <XAxis dataKey="date" tickFormatter={formatDate} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" minTickGap={24} />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 55, 70, 85, 100]}
            tick={{ fill: "currentColor", fontSize: 12 }}
            stroke="currentColor"
            width={44}
            label={{ value: "score", angle: -90, position: "insideLeft", fill: "currentColor", fontSize: 12 }}
          />
          <Tooltip labelFormatter={(label) => formatDate(String(label))} formatter={(value) => [String(value), "Energy score"]} contentStyle={{ borderRadius: 6, fontSize: 12 }} />
          <Line dataKey="score" name="Energy score" stroke="var(--color-brand-600)" strokeWidth={2} dot={points.length <= 31 ? { r: 2 } : false} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
