import { CredentialsSignin } from "next-auth";
import { describeWait } from "../../platform/rate-limits/enforce";

/** Wrong email or password (one message for both, so it does not reveal which accounts exist). */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

/** Too many attempts; carries the seconds to wait. */
export class SignInThrottled extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfter: number) {
    super(`Too many sign-in attempts. Try again in ${describeWait(retryAfter)}.`);
  }
}

/** The account was disabled by an admin: no way of signing in works until it is enabled again. */
export class AccountDisabled extends CredentialsSignin {
  code = "account_disabled";
}

export const ACCOUNT_DISABLED_MESSAGE = "This account has been disabled. Contact the administrators of this BioSync installation to have it enabled again.";

export const INVALID_CREDENTIALS_MESSAGE = "The email or password is not correct.";

export function throttledMessage(retryAfter: number): string {
  return `Too many sign-in attempts. Try again in ${describeWait(retryAfter)}.`;
}
