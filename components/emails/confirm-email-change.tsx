import { EmailButton, EmailLayout, EmailText } from "./layout";

export interface ConfirmEmailChangeProps {
  url: string;
  newEmail: string;
  name?: string | null;
}

/** Sent to the NEW address: the account switches to it only when this link is followed. */
export default function ConfirmEmailChange({ url, newEmail, name }: ConfirmEmailChangeProps) {
  return (
    <EmailLayout preview="Confirm your new email address for BioSync" heading="Confirm your new email address" reason="You received this email because a BioSync account asked to use this address.">
      <EmailText>{name ? `Hi ${name},` : "Hi,"}</EmailText>
      <EmailText>
        Your BioSync account will use <strong>{newEmail}</strong> once you confirm it. Until then, you keep signing in with your current address. The link works for 24
        hours.
      </EmailText>
      <EmailButton href={url}>Confirm new address</EmailButton>
    </EmailLayout>
  );
}

ConfirmEmailChange.PreviewProps = { url: "http://localhost:3000/confirm-email?token=example", newEmail: "dana@example.com", name: "Dana" } satisfies ConfirmEmailChangeProps;
