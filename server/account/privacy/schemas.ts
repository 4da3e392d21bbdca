import { z } from "zod";
import { RAW_RETENTION_CHOICES } from "@/db/schema/profile";

/** Client-safe: the privacy settings a device may change (also offline, through sync). */
const retentionDays = z.literal(RAW_RETENTION_CHOICES, { message: "Choose 30, 90 or 365 days, or keep forever." });

export const privacyUpdateInput = z
  .object({
    shareAnonymousData: z.boolean(),
    researchOptIn: z.boolean(),
    rawPayloadRetentionDays: retentionDays.nullable(),
  })
  .partial();
