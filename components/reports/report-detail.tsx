import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { WeeklyFigures } from "@/server/health/reports/figures";
import { formatReportDay, metricLabel } from "@/server/health/reports/format";
import type { ReportView } from "@/server/health/reports/schemas";
import { AverageTiles } from "./average-tiles";
import { WeekChart } from "./week-chart";

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: React.ReactNode }) {
  return (
    <Card role="region" aria-labelledby={id}>
      <CardHeader>
        <CardTitle id={id}>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** A stored weekly report as it was made, with the note when later data would change it. */
export function ReportDetail({ report }: { report: ReportView }) {
  const { figures } = report;
  return (
    <div className="flex flex-col gap-6">
      {report.lateNote ? (
        <Alert data-testid="late-note">
          {report.lateNote} This report keeps the numbers it was made with.
        </Alert>
      ) : null}
      <Section id="averages" title="Averages" description="Each against the week before. Readiness is your wearable's readiness score, or its recovery score where it gives no readiness.">
        <AverageTiles figures={figures} />
      </Section>
      <div className="grid gap-6 md:grid-cols-2">
        <Section id="days" title="Best and hardest day" description="By energy score; on a tie, the earlier day.">
          <BestWorst figures={figures} />
        </Section>
        <Section id="pattern" title="Strongest pattern" description="The strongest significant correlation in your data when this report was made.">
          {figures.correlation ? (
            <p className="text-sm font-medium" data-testid="report-correlation">
              {figures.correlation.sentence}
            </p>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No significant pattern yet: correlations need at least 14 days of both series.</p>
          )}
        </Section>
      </div>
      <Section id="daily" title="Day by day">
        <WeekChart days={figures.days} hrvLabel={metricLabel("hrv", figures)} />
      </Section>
    </div>
  );
}

function BestWorst({ figures }: { figures: WeeklyFigures }) {
  if (!figures.bestDay || !figures.worstDay) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Fewer than two days of the week were scored.</p>;
  return (
    <dl className="grid grid-cols-2 gap-4">
      {(
        [
          ["Best day", figures.bestDay],
          ["Hardest day", figures.worstDay],
        ] as const
      ).map(([label, pick]) => (
        <div key={label} className="flex flex-col gap-1">
          <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
          <dd className="text-lg font-semibold">{formatReportDay(pick.date)}</dd>
          <dd className="text-sm text-zinc-600 dark:text-zinc-400">energy score {pick.score}</dd>
        </div>
      ))}
    </dl>
  );
}
