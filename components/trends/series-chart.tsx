"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import type { ChartColor } from "@/components/charts/chart-parts";
import { formatBucketLabel } from "@/components/charts/format";
import { LazyBarChart, LazyLineChart } from "@/components/charts/lazy";
import { formatDisplay } from "@/server/health/analytics/trends/units";
import type { BandsResult, SeriesResult } from "./types";

const BUCKET_WORD = { hour: "hour", day: "day", week: "week", month: "month" } as const;

/** Headline figure of a bucket (an hour of steps: its sum; otherwise the mean). */
export const headlineOf = (series: SeriesResult, b: SeriesResult["buckets"][number]) => (series.headline === "sum" ? b.sum : b.avg);

/**
 * One trends series drawn as the page needs it: bars for things that add up (steps, energy),
 * otherwise a line with the bucket's lowest–highest reading behind it and, when given, the
 * personal normal band.
 */
export function SeriesChart({
  series,
  bands,
  kind = "auto",
  color = 1,
  showRange = true,
  testId,
}: {
  series: SeriesResult;
  bands?: BandsResult | null;
  kind?: "auto" | "line" | "bar";
  color?: ChartColor;
  showRange?: boolean;
  testId?: string;
}) {
  const { unit, decimals, bucket } = series;
  const bars = kind === "bar" || (kind === "auto" && series.additive);
  const bandBy = new Map((series.bucket === "day" ? (bands?.days ?? []) : []).map((d) => [d.date, [d.low, d.high] as [number, number]]));
  const withRange = showRange && !bars && series.buckets.some((b) => b.min !== b.max);
  const fmt = (v: number) => formatDisplay(v, { label: unit, decimals });
  const perBucket = series.headline === "sum" ? " (total)" : bucket === "week" || bucket === "month" ? (series.additive ? " (mean day)" : " (mean of its days)") : "";
  const caption = `${series.label} per ${BUCKET_WORD[bucket]}${perBucket}${unit ? `, in ${unit}` : ""}${
    bandBy.size ? "; the shaded band is your normal range" : withRange ? "; the shaded area spans the lowest to the highest reading" : ""
  }.`;
  const table = {
    columns: [BUCKET_WORD[bucket], series.label, ...(withRange ? ["Lowest – highest"] : []), ...(bandBy.size ? ["Normal range"] : [])],
    rows: series.buckets.map((b) => {
      const band = bandBy.get(b.key);
      return [formatBucketLabel(b.key, bucket), fmt(headlineOf(series, b)), ...(withRange ? [`${fmt(b.min)} – ${fmt(b.max)}`] : []), ...(bandBy.size ? [band ? `${fmt(band[0])} – ${fmt(band[1])}` : "—"] : [])];
    }),
  };
  return (
    <ChartFigure caption={caption} table={table} testId={testId} data={{ bucket, points: series.buckets.length, metric: series.metric }}>
      {bars ? (
        <LazyBarChart data={series.buckets.map((b) => ({ key: b.key, value: headlineOf(series, b) }))} bucket={bucket} name={series.label} unit={unit} decimals={decimals} color={color} />
      ) : (
        <LazyLineChart
          data={series.buckets.map((b) => ({ key: b.key, value: headlineOf(series, b), range: withRange ? [b.min, b.max] : null, band: bandBy.get(b.key) ?? null }))}
          bucket={bucket}
          name={series.label}
          unit={unit}
          decimals={decimals}
          color={color}
        />
      )}
    </ChartFigure>
  );
}

