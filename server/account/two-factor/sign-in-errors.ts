import { CredentialsSignin } from "next-auth";
import type { PendingSecondStep } from "./sign-in";

/** The first factor was right; the sign-in continues with a second step (no session yet). */
export class SecondFactorRequired extends CredentialsSignin {
  code = "second_factor_required";
  constructor(readonly pending: PendingSecondStep) {
    super("Enter the code from your authenticator app.");
  }
}

/** The code or passkey of the second step was wrong. */
export class InvalidSecondFactor extends CredentialsSignin {
  code = "invalid_code";
}

/** The second step's ticket is unknown, used, expired or out of attempts: start again with the password. */
export class SecondStepExpired extends CredentialsSignin {
  code = "second_step_expired";
}

/** A password-less passkey sign-in that did not verify. */
export class InvalidPasskey extends CredentialsSignin {
  code = "invalid_passkey";
}

export const INVALID_CODE_MESSAGE = "This code is not right. Enter the current code from your authenticator app, or a recovery code.";
export const SECOND_STEP_EXPIRED_MESSAGE = "This sign-in has expired. Enter your email and password again.";
export const INVALID_PASSKEY_MESSAGE = "The passkey could not be verified. Try again, or sign in with your password.";
