import { EmailButton, EmailLayout, EmailText } from "./layout";

export interface ConfirmAccountDeletionEmailProps {
  url: string;
  name?: string | null;
  graceDays: number;
}

/** The single-use link that confirms an account deletion request (valid for a day). */
export default function ConfirmAccountDeletionEmail({ url, name, graceDays }: ConfirmAccountDeletionEmailProps) {
  return (
    <EmailLayout
      preview="Confirm the deletion of your BioSync account"
      heading="Confirm the deletion of your account"
      reason="You received this email because someone signed in to your BioSync account and asked to delete it."
      ignorable={false}
    >
      <EmailText>{name ? `Hi ${name},` : "Hi,"}</EmailText>
      <EmailText>
        Confirm with the button below (the link works once, for 24 hours). Your account and all its data are then erased after {graceDays} days. Until then
        you can cancel from any page of the app.
      </EmailText>
      <EmailButton href={url}>Confirm deletion</EmailButton>
      <EmailText>If you did not ask for this, do not follow the link, and change your password: someone else knows it.</EmailText>
    </EmailLayout>
  );
}

ConfirmAccountDeletionEmail.PreviewProps = { url: "http://localhost:3000/settings/privacy/delete?token=example", name: "Dana", graceDays: 7 } satisfies ConfirmAccountDeletionEmailProps;
