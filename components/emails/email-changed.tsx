import { EmailLayout, EmailText } from "./layout";

export interface EmailChangedProps {
  oldEmail: string;
  newEmail: string;
  name?: string | null;
}

/** Sent to the PREVIOUS address once an email change is confirmed, so a takeover does not go unseen. */
export default function EmailChanged({ oldEmail, newEmail, name }: EmailChangedProps) {
  return (
    <EmailLayout
      preview="The email address of your BioSync account was changed"
      heading="Your email address was changed"
      reason="You received this email because this address was the address of a BioSync account until now."
      ignorable={false}
    >
      <EmailText>{name ? `Hi ${name},` : "Hi,"}</EmailText>
      <EmailText>
        The BioSync account of <strong>{oldEmail}</strong> now uses <strong>{newEmail}</strong>. Sign-in, password resets and notices go to the new address from now on,
        and the links sent to this address no longer work.
      </EmailText>
      <EmailText>If you did not make this change, someone else may be using your account: contact the administrator of your BioSync server right away.</EmailText>
    </EmailLayout>
  );
}

EmailChanged.PreviewProps = { oldEmail: "dana@example.com", newEmail: "dana@example.org", name: "Dana" } satisfies EmailChangedProps;
