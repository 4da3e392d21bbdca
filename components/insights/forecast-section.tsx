"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import type { UnitPrefs } from "@/components/dashboard/metric-format";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { MetricForecastView } from "@/server/health/analytics/insights/schemas";
import { forecastPlot } from "./forecast-plot";
import { forecastValue, formatDay, formatShortDay, seriesLabel, trackRecordSentence } from "./format";
import { InsightsSection } from "./insights-section";

const ForecastChart = dynamic(() => import("@/components/charts/forecast-chart").then((m) => m.ForecastChart), {
  ssr: false,
  loading: () => <Skeleton className="h-72" />,
});

/** The next 7 days of each forecast metric with its band, and how good the forecasts have been. */
export function ForecastSection({ today, units }: { today: string; units: UnitPrefs }) {
  const trpc = useTRPC();
  const forecast = useQuery(trpc.insights.forecast.queryOptions());
  return (
    <InsightsSection id="forecast" title="Forecast" description="The next 7 days with an 80 % prediction band, and how the forecasts of the last 30 days did.">
      {forecast.isPending ? (
        <Skeleton className="h-80" />
      ) : forecast.isError ? (
        <Alert variant="error">The forecast could not be loaded: {forecast.error.message}</Alert>
      ) : (
        <Tabs defaultValue={forecast.data[0]?.metric}>
          <TabsList aria-label="Forecast metric" className="h-auto flex-wrap">
            {forecast.data.map((f) => (
              <TabsTrigger key={f.metric} value={f.metric}>
                {seriesLabel(f.metric)}
              </TabsTrigger>
            ))}
          </TabsList>
          {forecast.data.map((f) => (
            <TabsContent key={f.metric} value={f.metric}>
              <MetricForecast forecast={f} today={today} units={units} />
            </TabsContent>
          ))}
        </Tabs>
      )}
    </InsightsSection>
  );
}

function MetricForecast({ forecast, today, units }: { forecast: MetricForecastView; today: string; units: UnitPrefs }) {
  if (forecast.next.length === 0 && forecast.history.every((d) => d.actual === null)) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No forecast yet: forecasts start after 14 days of {seriesLabel(forecast.metric).toLowerCase()} data.</p>;
  }
  const plot = forecastPlot(forecast);
  const show = (value: number) => forecastValue(forecast.metric, value, units);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm font-medium" data-testid="track-record">
        {trackRecordSentence(forecast.metric, forecast.accuracy)}
      </p>
      <figure>
        <ForecastChart points={plot.points} today={today} unit={plot.unit} formatValue={(v) => plot.tick(v)} formatDate={formatShortDay} domain={plot.domain} />
        <figcaption className="mt-1 text-xs text-zinc-500">
          Solid: what happened. Dashed: the forecast (for past days, the one made the day before). Shaded: the 80 % band.
        </figcaption>
      </figure>
      {forecast.next.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left text-sm font-medium">Next days</caption>
            <thead className="text-xs text-zinc-500">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">Day</th>
                <th scope="col" className="py-1 pr-4 font-medium">Forecast</th>
                <th scope="col" className="py-1 font-medium">80 % band</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {forecast.next.map((p) => (
                <tr key={p.date} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-1 pr-4">{formatDay(p.date)}</td>
                  <td className="py-1 pr-4">{show(p.predicted)}</td>
                  <td className="py-1">
                    {show(p.low)} – {show(p.high)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No forecast for the coming days yet; it is made with each recompute after a sync.</p>
      )}
    </div>
  );
}
