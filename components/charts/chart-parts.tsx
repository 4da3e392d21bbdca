"use client";

import type { ReactNode } from "react";
import { formatDisplay } from "@/server/health/analytics/trends/units";

/* Pieces every chart shares: colours from CSS variables (so dark mode follows the theme), axis styling, the tooltip box. */

export const CHART_COLORS = {
  1: "var(--chart-1)",
  2: "var(--chart-2)",
  3: "var(--chart-3)",
  4: "var(--chart-4)",
} as const;
export type ChartColor = keyof typeof CHART_COLORS;

export const axisProps = {
  stroke: "var(--chart-grid)",
  tick: { fill: "var(--chart-axis)", fontSize: 12 },
  tickLine: false,
} as const;

export const gridProps = { stroke: "var(--chart-grid)", strokeDasharray: "3 3", vertical: false } as const;

/** A number with its unit, as the charts show it. */
export function formatWithUnit(value: number, unit: string, decimals: number): string {
  return formatDisplay(value, { label: unit, decimals });
}

/** The axis tick: the number only (the unit is in the axis label), shortened past 10,000. */
export function formatTick(value: number, decimals: number): string {
  if (Math.abs(value) >= 10_000) return `${Math.round(value / 1000)}k`;
  return value.toLocaleString("en-US", { maximumFractionDigits: Math.min(decimals, 1) });
}

export function TooltipBox({ title, rows }: { title: string; rows: { label: string; value: ReactNode; color?: string }[] }) {
  return (
    <div
      className="rounded-md border px-3 py-2 text-xs shadow-md"
      style={{ background: "var(--chart-tooltip-bg)", borderColor: "var(--chart-tooltip-border)", color: "var(--chart-tooltip-text)" }}
    >
      <p className="mb-1 font-medium">{title}</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="flex items-center gap-1.5 opacity-80">
              {row.color ? <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: row.color }} /> : null}
              {row.label}
            </dt>
            <dd className="text-right font-medium tabular-nums">{row.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
