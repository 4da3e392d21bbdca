import type { NotificationLinks } from "@/server/account/notifications/sources";
import { EmailButton, EmailLayout, EmailText } from "./layout";
import { NotificationFooter } from "./notification-footer";

export interface RecoveryAlertFlag {
  title: string;
  detail: string;
  severity: "low" | "moderate" | "high";
}

export interface RecoveryAlertEmailProps {
  /** The flags raised since the last alert. */
  flags: readonly RecoveryAlertFlag[];
  /** Flags already alerted that are still active. */
  stillActive: readonly string[];
  links: NotificationLinks;
}

/** Sent when the insights recompute raises a risk flag the user has not been alerted to. */
export default function RecoveryAlertEmail({ flags, stillActive, links }: RecoveryAlertEmailProps) {
  const heading = flags.length === 1 ? flags[0]!.title : `${flags.length} signs to watch`;
  return (
    <EmailLayout
      preview={`Recovery alert: ${heading}`}
      heading={heading}
      reason="You received this email because recovery alerts are on in your BioSync notification settings. BioSync is not a medical device; see a doctor if you feel unwell."
      ignorable={false}
      footer={<NotificationFooter links={links} kindLabel="recovery alerts" />}
    >
      {flags.map((flag) => (
        <EmailText key={flag.title}>
          <strong>
            {flag.title} ({flag.severity})
          </strong>
          <br />
          {flag.detail}
        </EmailText>
      ))}
      {stillActive.length > 0 ? <EmailText>Still active: {stillActive.join(", ")}.</EmailText> : null}
      <EmailButton href={new URL("/insights", links.appUrl).toString()}>See your insights</EmailButton>
    </EmailLayout>
  );
}

RecoveryAlertEmail.PreviewProps = {
  flags: [{ title: "Resting heart rate elevated", detail: "Resting HR 2.4 SD above your normal on 2 days running (last 1 Dec).", severity: "moderate" }],
  stillActive: [],
  links: { appUrl: "http://localhost:3000", unsubscribeUrl: "http://localhost:3000/unsubscribe/example", preferencesUrl: "http://localhost:3000/settings/notifications" },
} satisfies RecoveryAlertEmailProps;
