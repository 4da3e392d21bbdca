"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ForecastChartPoint {
  date: string;
  /** What happened (past days). */
  actual: number | null;
  /** The forecast: the day before's for past days, the newest for the days ahead. */
  predicted: number | null;
  /** The prediction interval [low, high], or null. */
  band: [number, number] | null;
}

interface ForecastChartProps {
  points: ForecastChartPoint[];
  /** The last day with truth: a line marks where the forecast starts. */
  today: string;
  /** Axis unit, e.g. "points", "ms", "h". */
  unit: string;
  formatValue: (value: number) => string;
  formatDate: (date: string) => string;
  domain?: [number | "auto", number | "auto"];
}

/** What happened beside what was forecast, with the 80 % band; the days ahead continue the band. */
export function ForecastChart({ points, today, unit, formatValue, formatDate, domain = ["auto", "auto"] }: ForecastChartProps) {
  return (
    <div className="h-72 w-full text-zinc-500" aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 12, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="currentColor" strokeOpacity={0.2} />
          <XAxis dataKey="date" tickFormatter={formatDate} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" minTickGap={24} />
          <YAxis
            domain={domain}
            tickFormatter={formatValue}
            tick={{ fill: "currentColor", fontSize: 12 }}
            stroke="currentColor"
            width={56}
            label={{ value: unit, angle: -90, position: "insideLeft", fill: "currentColor", fontSize: 12 }}
          />
          <Tooltip
            labelFormatter={(label) => formatDate(String(label))}
            formatter={(value, name) => {
              if (Array.isArray(value)) return [`${formatValue(Number(value[0]))} – ${formatValue(Number(value[1]))}`, name];
              return [formatValue(Number(value)), name];
            }}
            contentStyle={{ borderRadius: 6, fontSize: 12 }}
          />
          <ReferenceLine x={today} stroke="currentColor" strokeDasharray="4 4" label={{ value: "today", fill: "currentColor", fontSize: 11, position: "insideTopRight" }} />
          <Area dataKey="band" name="80 % band" stroke="none" fill="var(--color-brand-500)" fillOpacity={0.2} connectNulls={false} isAnimationActive={false} />
          <Line dataKey="predicted" name="Forecast" stroke="var(--color-brand-600)" strokeDasharray="5 3" dot={false} connectNulls={false} isAnimationActive={false} />
          <Line dataKey="actual" name="Actual" stroke="#6366f1" strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
