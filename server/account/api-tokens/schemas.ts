import { z } from "zod";
import { API_TOKEN_SCOPES } from "@/db/schema/api-tokens";
import { singleLineText } from "../../inputs";
import { paginated } from "../../pagination";
import { API_TOKEN_LIFETIMES_DAYS } from "./limits";

export const createApiTokenInput = z.object({
  name: singleLineText({ max: 60, min: 1, minMessage: "Give the token a name." }),
  scope: z.enum(API_TOKEN_SCOPES),
  expiresInDays: z
    .number()
    .int()
    .refine((days) => (API_TOKEN_LIFETIMES_DAYS as readonly number[]).includes(days), `Choose ${API_TOKEN_LIFETIMES_DAYS.join(", ")} days or no expiry.`)
    .nullish(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>;

export const apiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scope: z.enum(API_TOKEN_SCOPES),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  expired: z.boolean(),
});
export type ApiTokenView = z.infer<typeof apiTokenView>;

export const apiTokenPage = paginated(apiTokenView);

/** The answer to a create: the token's secret, shown this once and never stored. */
export const createdApiToken = z.object({ token: apiTokenView, secret: z.string() });
