import { EmailButton, EmailLayout, EmailText } from "./layout";

export interface VerifyEmailProps {
  url: string;
  name?: string | null;
}

/** Sent after registration (and on "resend"): confirms the address belongs to the account owner. */
export default function VerifyEmail({ url, name }: VerifyEmailProps) {
  return (
    <EmailLayout preview="Confirm your email address for BioSync" heading="Confirm your email address" reason="You received this email because someone created a BioSync account with this address.">
      <EmailText>{name ? `Hi ${name},` : "Hi,"}</EmailText>
      <EmailText>Confirm that this is your email address to finish setting up your BioSync account. The link works for 24 hours.</EmailText>
      <EmailButton href={url}>Verify email address</EmailButton>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = { url: "http://localhost:3000/verify-email?token=example", name: "Dana" } satisfies VerifyEmailProps;
