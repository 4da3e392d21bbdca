import { EmailButton, EmailLayout, EmailText } from "./layout";

export interface AddressInUseProps {
  attempt: "register" | "email-change";
  email: string;
  signInUrl: string;
  resetUrl: string;
  name?: string | null;
}

/**
 * Sent to the owner of an address when someone registers with it or moves another account to it:
 * the form answered as if it worked, so that it cannot reveal who has an account; this is the
 * owner's way to find out.
 */
export default function AddressInUse({ attempt, email, signInUrl, resetUrl, name }: AddressInUseProps) {
  return (
    <EmailLayout
      preview="Someone tried to use your address on BioSync"
      heading="Your address is already in use"
      reason="You received this email because your address belongs to a BioSync account."
    >
      <EmailText>{name ? `Hi ${name},` : "Hi,"}</EmailText>
      {attempt === "register" ? (
        <EmailText>
          Someone tried to create a BioSync account with <strong>{email}</strong>. This address already has an account, yours, so no new account was created and
          nothing about yours changed.
        </EmailText>
      ) : (
        <EmailText>
          Someone signed in to another BioSync account tried to change its email address to your address, <strong>{email}</strong>. Nothing changed: the address stays
          with your account.
        </EmailText>
      )}
      <EmailText>If that was you, sign in with your account instead. Forgot its password? Choose a new one at {resetUrl}.</EmailText>
      <EmailButton href={signInUrl}>Sign in</EmailButton>
    </EmailLayout>
  );
}

AddressInUse.PreviewProps = {
  attempt: "register",
  email: "dana@example.com",
  signInUrl: "http://localhost:3000/sign-in",
  resetUrl: "http://localhost:3000/forgot-password",
  name: "Dana",
} satisfies AddressInUseProps;
