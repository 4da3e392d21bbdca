import { EmailButton, EmailLayout, EmailText } from "./layout";

export interface ResetPasswordEmailProps {
  url: string;
  name?: string | null;
}

/** The single-use password reset link (valid for an hour). */
export default function ResetPasswordEmail({ url, name }: ResetPasswordEmailProps) {
  return (
    <EmailLayout preview="Reset your BioSync password" heading="Reset your password" reason="You received this email because someone asked to reset the password of your BioSync account.">
      <EmailText>{name ? `Hi ${name},` : "Hi,"}</EmailText>
      <EmailText>Choose a new password with the button below. The link works once, for one hour. Resetting signs you out on every device.</EmailText>
      <EmailButton href={url}>Choose a new password</EmailButton>
      <EmailText>If you did not ask for this, your password stays as it is.</EmailText>
    </EmailLayout>
  );
}

ResetPasswordEmail.PreviewProps = { url: "http://localhost:3000/reset-password?token=example", name: "Dana" } satisfies ResetPasswordEmailProps;
