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
  /** A verified webhook delivery was stored; ingest it. */
  "integrations/webhook.received": z.object({ deliveryId: z.uuid(), provider: z.string().min(1), userId: z.uuid().nullable() }),
  /** Pull recent data for one connection ("sync now" or the periodic sync). */
  "integrations/sync.requested": z.object({
    connectionId: z.uuid(),
    userId: z.uuid(),
    kind: z.enum(["manual", "scheduled"]),
    syncRunId: z.uuid().optional(),
  }),
  /** Pull the last `days` days for a new connection, resumably. */
  "integrations/backfill.requested": z.object({ connectionId: z.uuid(), userId: z.uuid(), days: z.number().int().min(1).max(730) }),
  /** The clock: time to queue the periodic provider syncs and token refreshes. `at` is the slot's start. */
  "clock/sync-due": z.object({ at: z.iso.datetime() }),
  /** An uploaded file (Apple Health export, provider CSV) is ready to import. */
  "imports/file.uploaded": z.object({ importId: z.uuid(), userId: z.uuid() }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
export type AppEvent<N extends EventName = EventName> = { name: N; data: EventData<N>; id?: string };
