import type { NotificationLinks } from "@/server/account/notifications/sources";
import { EmailButton, EmailFigure, EmailLayout, EmailText } from "./layout";
import { NotificationFooter } from "./notification-footer";

export interface DailySummaryEmailProps {
  /** "Tuesday 1 December" */
  dayLabel: string;
  /** "Energy score 78 (good)" or "Calibrating: 5 more days of data" */
  headline: string;
  /** The contributors that moved the score most, as sentences ("HRV 1.3 SD below your normal range: −4"). */
  contributors: readonly string[];
  /** Key metrics of the day: label and value in words. */
  metrics: readonly { label: string; value: string; note?: string }[];
  links: NotificationLinks;
}

/** The morning email: the day's energy score, what moved it, and the key numbers behind it. */
export default function DailySummaryEmail({ dayLabel, headline, contributors, metrics, links }: DailySummaryEmailProps) {
  return (
    <EmailLayout
      preview={`${headline} · ${dayLabel}`}
      heading={headline}
      reason="You received this email because the daily summary is on in your BioSync notification settings."
      ignorable={false}
      footer={<NotificationFooter links={links} kindLabel="the daily summary" />}
    >
      <EmailText>{dayLabel}</EmailText>
      {contributors.length > 0 ? (
        <>
          <EmailText>
            <strong>What moved it</strong>
          </EmailText>
          {contributors.map((line) => (
            <EmailText key={line}>• {line}</EmailText>
          ))}
        </>
      ) : null}
      {metrics.map((metric) => (
        <EmailFigure key={metric.label} label={metric.label} value={metric.value} note={metric.note} />
      ))}
      <EmailButton href={new URL("/dashboard", links.appUrl).toString()}>Open your dashboard</EmailButton>
    </EmailLayout>
  );
}

const exampleLinks = { appUrl: "http://localhost:3000", unsubscribeUrl: "http://localhost:3000/unsubscribe/example", preferencesUrl: "http://localhost:3000/settings/notifications" };

DailySummaryEmail.PreviewProps = {
  dayLabel: "Tuesday 1 December",
  headline: "Energy score 78 (good)",
  contributors: ["HRV 0.8 SD above your normal range: +4", "Sleep 40 min short of your need: −3"],
  metrics: [
    { label: "Sleep", value: "7 h 12 min" },
    { label: "HRV", value: "58 ms", note: "normal 49–61 ms" },
    { label: "Resting heart rate", value: "54 bpm", note: "normal 52–57 bpm" },
  ],
  links: exampleLinks,
} satisfies DailySummaryEmailProps;
