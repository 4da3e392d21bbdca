import { z } from "zod";
import { NOTIFICATION_KIND_VALUES } from "@/db/schema/notifications";

export const notificationsEvents = {
  /** The clock, every hour: each user's notifications due now in their own zone. `at` is the slot's start. */
  "clock/notifications-due": z.object({ at: z.iso.datetime() }),
  /** One user's notifications at `at`: the kinds given (default: those due at `at`), then emails quiet hours held. */
  "notifications/user.due": z.object({ userId: z.uuid(), at: z.iso.datetime(), kinds: z.array(z.enum(NOTIFICATION_KIND_VALUES)).optional() }),
} as const;
