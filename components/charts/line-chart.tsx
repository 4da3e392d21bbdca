"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { axisProps, CHART_COLORS, formatTick, formatWithUnit, gridProps, TooltipBox, type ChartColor } from "./chart-parts";
import { formatBucketLabel, formatBucketTick, minutesAsClock, type BucketSize } from "./format";

export interface LinePoint {
  key: string;
  value: number | null;
  /** The personal normal range of the day [low, high]. */
  band?: [number, number] | null;
  /** The lowest and highest reading of the bucket [min, max]. */
  range?: [number, number] | null;
}

export interface LineChartProps {
  data: LinePoint[];
  bucket: BucketSize;
  name: string;
  unit: string;
  decimals: number;
  color?: ChartColor;
  /** Fill under the line. */
  area?: boolean;
  bandLabel?: string;
  rangeLabel?: string;
  reference?: { value: number; label: string };
  /** Values are hours from local midnight (−1.5 is 22:30): ticks and tooltips read as clock times. */
  clock?: boolean;
}

/** A series over time as a line (or area), with an optional normal band and an optional min–max range behind it. */
export function LineChart({ data, bucket, name, unit, decimals, color = 1, area = false, bandLabel = "Your normal range", rangeLabel = "Lowest – highest", reference, clock = false }: LineChartProps) {
  const stroke = CHART_COLORS[color];
  const hasBand = data.some((d) => d.band);
  const hasRange = data.some((d) => d.range);
  const show = (v: number, withUnit: boolean) => (clock ? minutesAsClock(v * 60) : formatWithUnit(v, withUnit ? unit : "", decimals));
  const clockAxis = clock ? clockTicks(data.map((d) => d.value).filter((v): v is number => v !== null)) : null;
  const span = (pair: [number, number]) => `${show(pair[0], false)} – ${show(pair[1], true)}`;
  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const point = active ? (payload?.[0]?.payload as LinePoint | undefined) : undefined;
    if (!point) return null;
    const rows: { label: string; value: string; color: string }[] = [{ label: name, value: point.value === null ? "No data" : show(point.value, true), color: stroke }];
    if (point.range) rows.push({ label: rangeLabel, value: span(point.range), color: "var(--chart-range)" });
    if (point.band) rows.push({ label: bandLabel, value: span(point.band), color: "var(--chart-band)" });
    return <TooltipBox title={formatBucketLabel(point.key, bucket)} rows={rows} />;
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        <XAxis dataKey="key" {...axisProps} tickFormatter={(key: string) => formatBucketTick(key, bucket)} minTickGap={16} />
        <YAxis
          {...axisProps}
          width={48}
          domain={clockAxis ? [clockAxis[0]!, clockAxis[clockAxis.length - 1]!] : ["auto", "auto"]}
          ticks={clockAxis ?? undefined}
          tickFormatter={(v: number) => (clock ? minutesAsClock(v * 60) : formatTick(v, decimals))}
          label={unit && !clock ? { value: unit, angle: -90, position: "insideLeft", fill: "var(--chart-axis)", fontSize: 12 } : undefined}
        />
        <Tooltip content={tooltip} cursor={{ stroke: "var(--chart-axis)", strokeOpacity: 0.4 }} />
        {hasBand ? <Area dataKey="band" name={bandLabel} stroke="none" fill="var(--chart-band)" fillOpacity={0.15} isAnimationActive={false} connectNulls={false} /> : null}
        {hasRange ? <Area dataKey="range" name={rangeLabel} stroke="none" fill="var(--chart-range)" fillOpacity={0.18} isAnimationActive={false} connectNulls={false} /> : null}
        {reference ? <ReferenceLine y={reference.value} stroke="var(--chart-axis)" strokeDasharray="4 4" label={{ value: reference.label, fill: "var(--chart-axis)", fontSize: 11, position: "insideTopRight" }} /> : null}
        {area ? (
          <Area dataKey="value" name={name} stroke={stroke} fill={stroke} fillOpacity={0.12} strokeWidth={2} isAnimationActive={false} connectNulls={false} />
        ) : (
          <Line dataKey="value" name={name} stroke={stroke} strokeWidth={2} dot={data.length <= 31 ? { r: 2.5, fill: stroke } : false} isAnimationActive={false} connectNulls={false} />
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** Whole hours (half hours for a narrow spread) around clock values given in hours from midnight. */
function clockTicks(values: number[]): number[] | null {
  if (values.length === 0) return null;
  const step = Math.max(...values) - Math.min(...values) <= 2 ? 0.5 : 1;
  const low = Math.floor(Math.min(...values) / step) * step;
  const high = Math.ceil(Math.max(...values) / step) * step;
  const ticks: number[] = [];
  for (let t = low; t <= high + 1e-9; t += step) ticks.push(t);
  return ticks.length > 1 ? ticks : [low - step, low, low + step];
}
