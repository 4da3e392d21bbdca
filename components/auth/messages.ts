const ACCOUNT_DISABLED_TEXT = "This account has been disabled. Contact the administrators of this BioSync installation to have it enabled again.";

/** Texts for the `?error=` codes Auth.js and the Google linking rules send to the sign-in page. */
export function signInErrorMessage(error: string | undefined, code?: string): string | null {
  switch (error) {
    case undefined:
    case "":
      return null;
    case "GoogleEmailUnverified":
      return "Google did not confirm that this email address is verified, so we cannot sign you in with it. Sign in with your password instead.";
    case "AccountEmailUnverified":
      return "A BioSync account with this email exists but its address is not verified yet. Sign in with your password and verify your email, then you can use Google.";
    case "CredentialsSignin":
      if (code === "account_disabled") return ACCOUNT_DISABLED_TEXT;
      return code === "rate_limited" ? "Too many sign-in attempts. Wait a few minutes and try again." : "The email or password is not correct.";
    case "AccountDisabled":
      return ACCOUNT_DISABLED_TEXT;
    case "second_step_expired":
      return "This sign-in has expired. Enter your email and password again.";
    case "invalid_code":
      return "This code is not right. Enter the current code from your authenticator app, or a recovery code.";
    case "rate_limited":
      return "Too many attempts. Wait a few minutes and try again.";
    case "AccessDenied":
      return "This sign-in was not allowed.";
    case "OAuthSignin":
    case "OAuthCallbackError":
    case "OAuthCallback":
      return "Signing in with Google did not complete. Try again.";
    default:
      return "Signing in did not work. Try again.";
  }
}

/** "in 42 seconds" / "in 3 minutes" for a Retry-After value. */
export function retryPhrase(seconds: number): string {
  if (seconds < 60) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
