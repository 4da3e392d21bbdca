import { z } from "zod";

export const authEvents = {
  /** Send (or re-send) the address-verification link to a user's current email. */
  "auth/verification-email.requested": z.object({ userId: z.uuid() }),
  /** Send a single-use password reset link. */
  "auth/password-reset.requested": z.object({ userId: z.uuid() }),
  /** Send a confirmation link to a new address the user wants to switch to. */
  "auth/email-change.requested": z.object({ userId: z.uuid(), newEmail: z.email() }),
} as const;
