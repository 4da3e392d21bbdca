import { EmailButton, EmailLayout, EmailText } from "./layout";

export interface TeamInviteEmailProps {
  url: string;
  organizationName: string;
  inviterName: string;
  role: "coach" | "member";
}

/** The single-use invitation to join an organization (valid for 7 days, for the invited address only). */
export default function TeamInviteEmail({ url, organizationName, inviterName, role }: TeamInviteEmailProps) {
  const as = role === "coach" ? "a coach" : "a member";
  return (
    <EmailLayout
      preview={`Join ${organizationName} on BioSync`}
      heading={`Join ${organizationName}`}
      reason={`You received this email because ${inviterName} invited this address to ${organizationName} on BioSync.`}
    >
      <EmailText>Hi,</EmailText>
      <EmailText>
        {inviterName} invited you to join {organizationName} as {as}. Sign in, or create an account, with this email address, then accept with the button below.
        The link works once, for 7 days.
      </EmailText>
      <EmailButton href={url}>Accept the invitation</EmailButton>
      <EmailText>Joining shares nothing by itself: you choose whether a coach sees your energy scores, and you can stop at any time.</EmailText>
    </EmailLayout>
  );
}

TeamInviteEmail.PreviewProps = {
  url: "http://localhost:3000/team-invite?token=example",
  organizationName: "Riverside Rowing",
  inviterName: "Dana",
  role: "member",
} satisfies TeamInviteEmailProps;
