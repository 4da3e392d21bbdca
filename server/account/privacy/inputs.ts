import { z } from "zod";
import { RAW_RETENTION_CHOICES } from "@/db/schema/profile";
import { secretText, singleLineText } from "../../inputs";
import { PASSWORD_MAX_LENGTH } from "../auth/password";

const retentionDays = z.literal(RAW_RETENTION_CHOICES, { message: "Choose 30, 90 or 365 days, or keep forever." });

export const privacyUpdateInput = z
  .object({
    shareAnonymousData: z.boolean(),
    researchOptIn: z.boolean(),
    rawPayloadRetentionDays: retentionDays.nullable(),
  })
  .partial();

export const deletionRequestInput = z.object({ currentPassword: secretText({ max: PASSWORD_MAX_LENGTH * 4 }) });
export const deletionConfirmInput = z.object({ token: singleLineText({ min: 16, minMessage: "This link is incomplete.", max: 200 }) });
