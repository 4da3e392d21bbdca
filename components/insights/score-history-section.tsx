"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDay, formatShortDay } from "./format";
import { DEFAULT_SCORE_RANGE, rangeEnding, SCORE_RANGES } from "./insights-constants";
import { InsightsSection } from "./insights-section";

const ScoreHistoryChart = dynamic(() => import("@/components/charts/score-history-chart").then((m) => m.ScoreHistoryChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64" />,
});

/** The energy score over the last 7, 30 or 90 days. */
export function ScoreHistorySection({ today }: { today: string }) {
  const trpc = useTRPC();
  const [days, setDays] = useState<number>(DEFAULT_SCORE_RANGE);
  const range = rangeEnding(today, days);
  const scores = useQuery({ ...trpc.insights.scores.queryOptions(range), placeholderData: (previous) => previous });
  const scored = (scores.data ?? []).filter((p) => p.score !== null);
  const values = scored.map((p) => p.score!);

  return (
    <InsightsSection
      id="score-history"
      title="Energy score history"
      description={values.length ? `Average ${Math.round(values.reduce((a, b) => a + b, 0) / values.length)}, from ${Math.min(...values)} to ${Math.max(...values)}, over ${values.length} scored days.` : `Your scored days of the last ${days} days.`}
      actions={
        <div role="group" aria-label="Range" className="flex gap-1">
          {SCORE_RANGES.map((n) => (
            <Button key={n} size="sm" variant={n === days ? "default" : "outline"} aria-pressed={n === days} onClick={() => setDays(n)}>
              {n} days
            </Button>
          ))}
        </div>
      }
    >
      {scores.isPending ? (
        <Skeleton className="h-64" />
      ) : scores.isError ? (
        <Alert variant="error">Your score history could not be loaded: {scores.error.message}</Alert>
      ) : scored.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No scored days in this range yet. Scores start after 14 days of data.</p>
      ) : (
        <figure>
          <ScoreHistoryChart points={scores.data.map((p) => ({ date: p.localDate, score: p.score }))} formatDate={formatShortDay} />
          <figcaption className="sr-only">Energy score per day, {formatDay(range.from)} to {formatDay(range.to)}.</figcaption>
          <table className="sr-only">
            <caption>Energy score per day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {scored.map((p) => (
                <tr key={p.localDate}>
                  <td>{formatDay(p.localDate)}</td>
                  <td>{p.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      )}
    </InsightsSection>
  );
}
