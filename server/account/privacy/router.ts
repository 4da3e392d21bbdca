import { z } from "zod";
import { CONSENT_NAMES } from "@/db/schema/privacy";
import { RAW_RETENTION_CHOICES } from "@/db/schema/profile";
import { paginated, paginationInput } from "../../pagination";
import { protectedProcedure, router } from "../../trpc";
import { listActivity } from "./activity";
import { cancelAccountDeletion, confirmAccountDeletion, deletionState, requestAccountDeletion } from "./deletion";
import { erasurePlan } from "./dry-run";
import { deletionConfirmInput, deletionRequestInput, privacyUpdateInput } from "./inputs";
import { consentHistory, getPrivacySettings, updatePrivacySettings } from "./settings";

const settingsOutput = z.object({
  shareAnonymousData: z.boolean(),
  shareAnonymousDataChangedAt: z.date().nullable(),
  researchOptIn: z.boolean(),
  researchOptInChangedAt: z.date().nullable(),
  rawPayloadRetentionDays: z.literal(RAW_RETENTION_CHOICES).nullable(),
  policyVersion: z.string(),
});

const consentRecordOutput = z.object({ id: z.string(), consent: z.enum(CONSENT_NAMES), version: z.string(), granted: z.boolean(), at: z.date() });

const deletionOutput = z.object({
  state: z.enum(["none", "requested", "scheduled", "erasing"]),
  requestedAt: z.date().nullable(),
  scheduledFor: z.date().nullable(),
  receiptEmail: z.string().nullable(),
});

const planOutput = z.object({
  tables: z.array(z.object({ table: z.string(), rows: z.number().int(), erase: z.enum(["cascade", "delete", "detach"]) })),
  deletedRows: z.number().int(),
  detachedRows: z.number().int(),
  files: z.number().int(),
});

const activityOutput = z.object({ id: z.string(), at: z.date(), action: z.string(), label: z.string(), who: z.enum(["you", "an administrator", "BioSync"]) });

export const privacyRouter = router({
  settings: router({
    get: protectedProcedure.output(settingsOutput).query(({ ctx }) => getPrivacySettings(ctx.db, ctx.user.id)),
    update: protectedProcedure
      .input(privacyUpdateInput)
      .output(settingsOutput)
      .mutation(({ ctx, input }) => updatePrivacySettings(ctx.db, ctx.user.id, input)),
  }),

  consents: router({
    history: protectedProcedure
      .input(paginationInput)
      .output(paginated(consentRecordOutput))
      .query(({ ctx, input }) => consentHistory(ctx.db, ctx.user.id, input)),
  }),

  deletion: router({
    status: protectedProcedure.output(deletionOutput).query(({ ctx }) => deletionState(ctx.db, ctx.user.id)),
    dryRun: protectedProcedure.output(planOutput).query(({ ctx }) => erasurePlan(ctx.db, ctx.user.id)),
    request: protectedProcedure
      .input(deletionRequestInput)
      .output(deletionOutput)
      .mutation(({ ctx, input }) => requestAccountDeletion(ctx.db, ctx.user, input.currentPassword)),
    confirm: protectedProcedure
      .input(deletionConfirmInput)
      .output(deletionOutput)
      .mutation(({ ctx, input }) => confirmAccountDeletion(ctx.db, ctx.user.id, input.token)),
    cancel: protectedProcedure.output(deletionOutput).mutation(({ ctx }) => cancelAccountDeletion(ctx.db, ctx.user.id)),
  }),

  activity: router({
    list: protectedProcedure
      .input(paginationInput)
      .output(paginated(activityOutput))
      .query(({ ctx, input }) => listActivity(ctx.db, ctx.user.id, input)),
  }),
});
