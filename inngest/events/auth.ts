import { z } from "zod";

export const authEvents = {
  /** Send (or re-send) the address-verification link to a user's current email. */
  "auth/verification-email.requested": z.object({ userId: z.uuid() }),
  /** Send a single-use password reset link. */
  "auth/password-reset.requested": z.object({ userId: z.uuid() }),
  /** Send a confirmation link to a new address the user wants to switch to. */
  "auth/email-change.requested": z.object({ userId: z.uuid(), newEmail: z.email() }),
  /** Tell the owner of an address that someone tried to register with it or move another account to it. */
  "auth/address-in-use-notice.requested": z.object({ userId: z.uuid(), attempt: z.enum(["register", "email-change"]) }),
  /** Tell the previous address of an account that the account moved to a new one. */
  "auth/email-changed-notice.requested": z.object({ userId: z.uuid(), oldEmail: z.email(), newEmail: z.email() }),
} as const;
