"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useId, useState } from "react";
import { HistoryLimitNote } from "@/components/plans/history-limit-note";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectGroup, SelectItem, SelectLabel, SelectTrigger, SelectValue } from "@/components/ui/select";
import { isTrendMetric, trendMetricsByGroup, type TrendBucketSize, type TrendMetric } from "@/server/health/analytics/trends/catalog";
import { hoursAllowed, MAX_CUSTOM_DAYS, daysIn, parseTrendChoice, RANGE_PRESETS, trendChoiceSearch, withCustomRange, withPreset, type TrendChoice } from "./choice";
import { seriesInputOf } from "./queries";
import { Segmented } from "./segmented";
import { TrendCard } from "./trend-card";
import { WeeklyOverview } from "./weekly-overview";

const NONE = "none";
const GROUPS = trendMetricsByGroup();
const PRESET_LABEL: Record<number, string> = { 7: "7 days", 30: "30 days", 90: "90 days", 365: "1 year" };
const BUCKETS: { value: TrendBucketSize; label: string }[] = [
  { value: "hour", label: "Hour" },
  { value: "day", label: "Day" },
  { value: "week", label: "Week" },
  { value: "month", label: "Month" },
];

/** Any metric, any range, any bucket, two side by side; the choice lives in the URL (shareable, back button). */
export function TrendsExplorer({ today }: { today: string }) {
  const trpc = useTRPC();
  const params = useSearchParams();
  const choice = parseTrendChoice(Object.fromEntries(params.entries()), today);
  const [customOpen, setCustomOpen] = useState(choice.range === "custom");
  const choose = (next: TrendChoice) => window.history.pushState(null, "", `/trends${trendChoiceSearch(next)}`);

  const primary = useQuery({ ...trpc.trends.series.queryOptions(seriesInputOf(choice, choice.metric)), placeholderData: keepPreviousData });
  const compare = useQuery({
    ...trpc.trends.series.queryOptions(seriesInputOf(choice, choice.compare ?? choice.metric)),
    enabled: choice.compare !== null,
    placeholderData: keepPreviousData,
  });
  const hours = hoursAllowed(choice);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-4 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div className="grid gap-4 sm:grid-cols-2">
          <MetricSelect label="Metric" value={choice.metric} onChange={(metric) => metric && choose(fit({ ...choice, metric, compare: choice.compare === metric ? null : choice.compare }))} />
          <MetricSelect
            label="Compare with"
            value={choice.compare}
            exclude={choice.metric}
            onChange={(metric) => choose(fit({ ...choice, compare: metric }))}
          />
        </div>
        <div className="flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
          <Segmented
            label="Range"
            value={choice.range === "custom" || customOpen ? "custom" : String(choice.range)}
            options={[...RANGE_PRESETS.map((p) => ({ value: String(p), label: PRESET_LABEL[p]! })), { value: "custom", label: "Custom" }]}
            onChange={(value) => {
              if (value === "custom") return setCustomOpen(true);
              setCustomOpen(false);
              choose(withPreset(choice, Number(value) as (typeof RANGE_PRESETS)[number], today));
            }}
          />
          <Segmented
            label="Bucket"
            value={choice.bucket}
            options={BUCKETS.map((b) => (b.value === "hour" && !hours ? { ...b, disabled: true, title: "Hours are shown for up to 31 days of a metric recorded through the day" } : b))}
            onChange={(bucket) => choose({ ...choice, bucket })}
          />
        </div>
        {customOpen ? <CustomRange choice={choice} today={today} onApply={(from, to) => choose(withCustomRange(choice, from, to))} /> : null}
        <HistoryLimitNote from={choice.from} />
      </div>

      <div className={choice.compare ? "grid gap-6 lg:grid-cols-2" : "grid gap-6"}>
        <TrendCard series={primary.data} loading={primary.isFetching} error={primary.error?.message ?? null} testId="trend-chart" />
        {choice.compare ? <TrendCard series={compare.data} loading={compare.isFetching} error={compare.error?.message ?? null} color={2} testId="trend-compare-chart" /> : null}
      </div>

      <WeeklyOverview />
    </div>
  );
}

/** Hours only where they are allowed. */
function fit(choice: TrendChoice): TrendChoice {
  return choice.bucket === "hour" && !hoursAllowed(choice) ? { ...choice, bucket: "day" } : choice;
}

function MetricSelect({ label, value, onChange, exclude }: { label: string; value: TrendMetric | null; onChange: (metric: TrendMetric | null) => void; exclude?: TrendMetric }) {
  const id = useId();
  const optional = exclude !== undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select value={value ?? NONE} onValueChange={(next) => onChange(isTrendMetric(next) ? next : null)}>
        <SelectTrigger id={id}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {optional ? <SelectItem value={NONE}>Nothing</SelectItem> : null}
          {GROUPS.map((group) => (
            <SelectGroup key={group.id}>
              <SelectLabel>{group.label}</SelectLabel>
              {group.metrics
                .filter((m) => m.key !== exclude)
                .map((m) => (
                  <SelectItem key={m.key} value={m.key}>
                    {m.label}
                  </SelectItem>
                ))}
            </SelectGroup>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}

function CustomRange({ choice, today, onApply }: { choice: TrendChoice; today: string; onApply: (from: string, to: string) => void }) {
  const id = useId();
  const [from, setFrom] = useState(choice.from);
  const [to, setTo] = useState(choice.to);
  const problem = !from || !to ? "Enter both dates." : from > to ? "The start must not be after the end." : to > today ? "The end cannot be in the future." : daysIn(from, to) > MAX_CUSTOM_DAYS ? `Choose at most ${MAX_CUSTOM_DAYS} days.` : null;
  return (
    <form
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) onApply(from, to);
      }}
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-from`}>From</Label>
        <Input id={`${id}-from`} type="date" value={from} max={today} onChange={(e) => setFrom(e.target.value)} aria-invalid={problem !== null || undefined} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-to`}>To</Label>
        <Input id={`${id}-to`} type="date" value={to} max={today} onChange={(e) => setTo(e.target.value)} aria-invalid={problem !== null || undefined} />
      </div>
      <Button type="submit" variant="secondary" disabled={problem !== null}>
        Show range
      </Button>
      {problem ? (
        <p className="text-sm text-amber-700 dark:text-amber-400" role="status">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
