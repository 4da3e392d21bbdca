import { Column, Row, Section, Text } from "@react-email/components";
import type { NotificationLinks } from "@/server/account/notifications/sources";
import { REPORT_METRICS, type WeeklyFigures } from "@/server/health/reports/figures";
import { formatChange, formatMetric, formatReportDay, formatWeekRange, metricLabel } from "@/server/health/reports/format";
import { EmailButton, EmailFooterLinks, EmailLayout, EmailText } from "./layout";

export interface WeeklyReportEmailProps {
  name?: string | null;
  figures: WeeklyFigures;
  /** The report's page in the app. */
  reportUrl: string;
  links: Pick<NotificationLinks, "unsubscribeUrl" | "preferencesUrl">;
}

const cell = { fontSize: 14, lineHeight: "22px", margin: 0, padding: "6px 0", color: "#0f172a" } as const;
const muted = { ...cell, color: "#64748b" } as const;

/** Last week's averages with the change from the week before, the best and worst day and the strongest correlation. */
export default function WeeklyReportEmail({ name, figures, reportUrl, links }: WeeklyReportEmailProps) {
  const range = formatWeekRange(figures);
  const score = figures.averages.energyScore;
  const preview =
    score.value === null
      ? `Your week of ${range} in BioSync`
      : `Energy score ${formatMetric("energyScore", score.value)}${score.change === null ? "" : ` (${formatChange("energyScore", score.change)})`} in the week of ${range}`;
  return (
    <EmailLayout
      preview={preview}
      heading={`Your week: ${range}`}
      reason="You received this email because weekly reports are turned on in your BioSync notification settings."
      ignorable={false}
      footer={
        <EmailFooterLinks
          links={[
            { href: links.unsubscribeUrl, label: "Unsubscribe from weekly reports" },
            { href: links.preferencesUrl, label: "Notification settings" },
          ]}
        />
      }
    >
      <EmailText>{name ? `Hi ${name}, here is how your week went.` : "Here is how your week went."}</EmailText>
      <Section style={{ margin: "0 0 16px" }}>
        <Row>
          <Column style={muted}>Average</Column>
          <Column style={{ ...muted, textAlign: "right" }}>This week</Column>
          <Column style={{ ...muted, textAlign: "right" }}>vs. week before</Column>
        </Row>
        {REPORT_METRICS.map((metric) => {
          const average = figures.averages[metric];
          return (
            <Row key={metric}>
              <Column style={cell}>{metricLabel(metric, figures)}</Column>
              <Column style={{ ...cell, textAlign: "right", fontWeight: 600 }}>{average.value === null ? "no data" : formatMetric(metric, average.value)}</Column>
              <Column style={{ ...cell, textAlign: "right" }}>{average.change === null ? "–" : formatChange(metric, average.change)}</Column>
            </Row>
          );
        })}
      </Section>
      {figures.bestDay && figures.worstDay ? (
        <EmailText>
          Best day: <strong>{formatReportDay(figures.bestDay.date)}</strong> ({figures.bestDay.score}). Hardest day: <strong>{formatReportDay(figures.worstDay.date)}</strong> (
          {figures.worstDay.score}).
        </EmailText>
      ) : null}
      {figures.correlation ? (
        <Text style={{ margin: "0 0 16px", fontSize: 15, lineHeight: "24px", color: "#0f172a", fontStyle: "italic" }}>{figures.correlation.sentence}</Text>
      ) : null}
      <EmailButton href={reportUrl}>Open the report</EmailButton>
    </EmailLayout>
  );
}

WeeklyReportEmail.PreviewProps = {
  name: "Dana",
  reportUrl: "http://localhost:3000/reports/2026-W48",
  links: { unsubscribeUrl: "http://localhost:3000/unsubscribe/preview", preferencesUrl: "http://localhost:3000/settings/notifications" },
  figures: {
    version: 1,
    week: "2026-W48",
    weekStart: "2026-11-23",
    weekEnd: "2026-11-29",
    hrvMeasure: "hrv_rmssd",
    averages: {
      energyScore: { value: 72.4, days: 7, previous: 70.1, change: 2.3 },
      sleepSeconds: { value: 26_100, days: 7, previous: 25_200, change: 900 },
      hrv: { value: 54.2, days: 7, previous: 55, change: -0.8 },
      readiness: { value: 78.6, days: 7, previous: 77, change: 1.6 },
    },
    bestDay: { date: "2026-11-27", score: 84 },
    worstDay: { date: "2026-11-24", score: 61 },
    correlation: { x: "steps", y: "hrv_rmssd", lag: 1, strength: "moderate", sentence: "On days after 10,000 steps or more, your HRV was 6% higher; n = 120; moderate", computedOn: "2026-11-30" },
    days: [],
  },
} satisfies WeeklyReportEmailProps;
