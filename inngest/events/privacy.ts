import { z } from "zod";

export const privacyEvents = {
  /** Email the single-use link that confirms an account deletion request. */
  "privacy/deletion-confirmation.requested": z.object({ userId: z.uuid() }),
  /**
   * Erase the account of a deletion whose grace period is over. It names the deletion, never the
   * user: the event outlives the account, and must not carry its id.
   */
  "privacy/account-deletion.due": z.object({ deletionId: z.uuid() }),
  /** Remove the user's raw provider payloads older than their retention setting. */
  "privacy/raw-retention.due": z.object({ userId: z.uuid() }),
  /** The clock, every hour: deletions whose grace period is over. `at` is the slot's start. */
  "clock/account-deletions-due": z.object({ at: z.iso.datetime() }),
  /** The clock, every hour: the daily raw-payload retention of the users for whom it is now the small hours. */
  "clock/raw-retention-due": z.object({ at: z.iso.datetime() }),
} as const;
