import { z } from "zod";

/**
 * The typed catalogue of every event BioSync sends: one zod schema per event name.
 * Sends are validated against it, in the in-process runner and before going to Inngest.
 */
export const eventSchemas = {
  /** Send (or re-send) the address-verification link to a user's current email. */
  "auth/verification-email.requested": z.object({ userId: z.uuid() }),
  /** Send a single-use password reset link. */
  "auth/password-reset.requested": z.object({ userId: z.uuid() }),
  /** Send a confirmation link to a new address the user wants to switch to. */
  "auth/email-change.requested": z.object({ userId: z.uuid(), newEmail: z.email() }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
export type AppEvent<N extends EventName = EventName> = { name: N; data: EventData<N>; id?: string };
