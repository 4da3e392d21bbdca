/** How a sign-in was proved; stored on its `auth_sessions` row and shown in the sessions list. */
export type SignInFactor = "password" | "password+totp" | "password+recovery" | "password+passkey" | "passkey" | "google" | "google+totp" | "google+recovery" | "google+passkey";

/** The first factor of a two-step sign-in. */
export type FirstFactor = "password" | "google";

/** The second factor that completed a two-step sign-in. */
export type SecondFactor = "totp" | "recovery" | "passkey";

export function combinedFactor(first: FirstFactor, second: SecondFactor): SignInFactor {
  return `${first}+${second}`;
}

export function isFirstFactor(value: string): value is FirstFactor {
  return value === "password" || value === "google";
}

const LABELS: Record<SignInFactor, string> = {
  password: "Password",
  "password+totp": "Password + authenticator app",
  "password+recovery": "Password + recovery code",
  "password+passkey": "Password + passkey",
  passkey: "Passkey",
  google: "Google",
  "google+totp": "Google + authenticator app",
  "google+recovery": "Google + recovery code",
  "google+passkey": "Google + passkey",
};

/** Words for the sessions list; null for sessions from before factors were recorded. */
export function describeFactor(factor: string | null): string | null {
  return factor && factor in LABELS ? LABELS[factor as SignInFactor] : null;
}
