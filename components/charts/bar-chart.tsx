"use client";

import { Bar, BarChart as RechartsBarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { axisProps, CHART_COLORS, formatTick, formatWithUnit, gridProps, TooltipBox, type ChartColor } from "./chart-parts";
import { formatBucketLabel, formatBucketTick, type BucketSize } from "./format";

export interface BarPoint {
  key: string;
  value: number | null;
}

export interface BarChartProps {
  data: BarPoint[];
  bucket: BucketSize;
  name: string;
  unit: string;
  decimals: number;
  color?: ChartColor;
  /** A target to compare each bar with (sleep need, a step goal): drawn as a line, bars short of it in the warning colour. */
  reference?: { value: number; label: string };
  /** The bar drawn stronger (the selected night). */
  highlightKey?: string | null;
}

export function BarChart({ data, bucket, name, unit, decimals, color = 1, reference, highlightKey }: BarChartProps) {
  const fill = CHART_COLORS[color];
  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const point = active ? (payload?.[0]?.payload as BarPoint | undefined) : undefined;
    if (!point) return null;
    const rows: { label: string; value: string; color: string }[] = [{ label: name, value: point.value === null ? "No data" : formatWithUnit(point.value, unit, decimals), color: fill }];
    if (reference && point.value !== null) rows.push({ label: reference.label, value: formatWithUnit(reference.value, unit, decimals), color: "var(--chart-axis)" });
    return <TooltipBox title={formatBucketLabel(point.key, bucket)} rows={rows} />;
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <RechartsBarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="key" {...axisProps} tickFormatter={(key: string) => formatBucketTick(key, bucket)} minTickGap={16} />
        <YAxis
          {...axisProps}
          width={48}
          tickFormatter={(v: number) => formatTick(v, decimals)}
          label={unit ? { value: unit, angle: -90, position: "insideLeft", fill: "var(--chart-axis)", fontSize: 12 } : undefined}
        />
        <Tooltip content={tooltip} cursor={{ fill: "var(--chart-grid)", fillOpacity: 0.5 }} />
        <Bar dataKey="value" name={name} radius={[3, 3, 0, 0]} isAnimationActive={false}>
          {data.map((d) => {
            const short = reference !== undefined && d.value !== null && d.value < reference.value;
            const dim = highlightKey != null && d.key !== highlightKey;
            return <Cell key={d.key} fill={short ? "var(--chart-3)" : fill} fillOpacity={dim ? 0.5 : 1} />;
          })}
        </Bar>
        {reference ? <ReferenceLine y={reference.value} stroke="var(--chart-axis)" strokeDasharray="4 4" label={{ value: reference.label, fill: "var(--chart-axis)", fontSize: 11, position: "insideTopRight" }} /> : null}
      </RechartsBarChart>
    </ResponsiveContainer>
  );
}
