"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { axisProps, gridProps, TooltipBox } from "./chart-parts";
import { clockTime } from "./format";
import { STAGE_LEVELS, stageLevelOf, type StageInterval } from "./stages";

export interface HypnogramProps {
  stages: StageInterval[];
  /** The local clock of the night, for the time axis. */
  utcOffsetMinutes: number;
}

interface StepPoint {
  t: number;
  level: number;
  until: number;
}

const HOUR_MS = 3_600_000;

/** A night's stages over time: a step line from deep (bottom) to awake (top), each stretch shaded in its stage's colour. */
export function Hypnogram({ stages, utcOffsetMinutes }: HypnogramProps) {
  const intervals = stages
    .map((s) => ({ level: stageLevelOf(s.stage), start: Date.parse(s.start), end: Date.parse(s.end) }))
    .filter((s): s is { level: number; start: number; end: number } => s.level !== null && s.end > s.start);
  const points: StepPoint[] = intervals.map((s) => ({ t: s.start, level: s.level, until: s.end }));
  const last = intervals[intervals.length - 1];
  if (last) points.push({ t: last.end, level: last.level, until: last.end });
  const start = intervals[0]?.start ?? 0;
  const end = last?.end ?? 0;
  const ticks: number[] = [];
  for (let t = Math.ceil(start / HOUR_MS) * HOUR_MS; t <= end; t += HOUR_MS) ticks.push(t);
  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const point = active ? (payload?.[0]?.payload as StepPoint | undefined) : undefined;
    if (!point || point.t === point.until) return null;
    const stage = STAGE_LEVELS[point.level]!;
    return (
      <TooltipBox
        title={`${clockTime(point.t, utcOffsetMinutes)} – ${clockTime(point.until, utcOffsetMinutes)}`}
        rows={[{ label: "Stage", value: stage.label, color: stage.color }]}
      />
    );
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid {...gridProps} />
        {intervals.map((s) => (
          <ReferenceArea key={s.start} x1={s.start} x2={s.end} y1={s.level - 0.38} y2={s.level + 0.38} fill={STAGE_LEVELS[s.level]!.color} fillOpacity={0.85} stroke="none" ifOverflow="visible" />
        ))}
        <XAxis dataKey="t" type="number" scale="time" domain={[start, end]} ticks={ticks} {...axisProps} tickFormatter={(t: number) => clockTime(t, utcOffsetMinutes)} />
        <YAxis
          type="number"
          domain={[-0.5, STAGE_LEVELS.length - 0.5]}
          ticks={STAGE_LEVELS.map((_, i) => i)}
          {...axisProps}
          width={56}
          tickFormatter={(level: number) => STAGE_LEVELS[level]?.label ?? ""}
        />
        <Tooltip content={tooltip} cursor={{ stroke: "var(--chart-axis)", strokeOpacity: 0.5 }} />
        <Line dataKey="level" type="stepAfter" stroke="var(--chart-axis)" strokeOpacity={0.6} strokeWidth={1} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
