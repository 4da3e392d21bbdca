import { z } from "zod";
import { secretText } from "../../inputs";
import { protectedProcedure, router } from "../../trpc";
import { PASSWORD_MAX_LENGTH } from "../auth/password";
import { deletePasskey, listPasskeys, passkeyRegistrationOptions, registerPasskey, renamePasskey } from "./passkeys";
import { passkeyName, registrationResponse, secondFactorCode } from "./schemas";
import { beginTotpEnrolment, confirmTotpEnrolment, disableTwoFactor, regenerateRecoveryCodes, twoFactorStatus } from "./settings";

const currentPassword = secretText({ min: 1, minMessage: "Enter your current password.", max: PASSWORD_MAX_LENGTH * 4 });
const recoveryCodesOutput = z.object({ recoveryCodes: z.array(z.string()) });
const passkeySummary = z.object({
  id: z.string(),
  name: z.string(),
  deviceType: z.string(),
  backedUp: z.boolean(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
});

const passkeysRouter = router({
  list: protectedProcedure.output(z.array(passkeySummary)).query(({ ctx }) => listPasskeys(ctx.db, ctx.user.id)),

  /** WebAuthn creation options for `startRegistration()`; the challenge is kept server-side. */
  registrationOptions: protectedProcedure
    .input(z.object({ currentPassword }))
    .mutation(({ ctx, input }) => passkeyRegistrationOptions(ctx.db, ctx.user, input)),

  register: protectedProcedure
    .input(z.object({ response: registrationResponse, name: passkeyName }))
    .output(passkeySummary)
    .mutation(({ ctx, input }) => registerPasskey(ctx.db, ctx.user, input)),

  rename: protectedProcedure
    .input(z.object({ id: z.uuid(), name: passkeyName }))
    .output(passkeySummary)
    .mutation(({ ctx, input }) => renamePasskey(ctx.db, ctx.user.id, input)),

  remove: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ removed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await deletePasskey(ctx.db, ctx.user.id, input.id);
      return { removed: true as const };
    }),
});

/** Two-step sign-in of the signed-in user: authenticator app, recovery codes, passkeys. */
export const twoFactorRouter = router({
  status: protectedProcedure
    .output(z.object({ totpEnabled: z.boolean(), totpPending: z.boolean(), recoveryCodesLeft: z.number().int(), passkeys: z.number().int() }))
    .query(({ ctx }) => twoFactorStatus(ctx.db, ctx.user.id)),

  beginTotp: protectedProcedure
    .input(z.object({ currentPassword }))
    .output(z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }))
    .mutation(({ ctx, input }) => beginTotpEnrolment(ctx.db, ctx.user, input)),

  confirmTotp: protectedProcedure
    .input(z.object({ code: secondFactorCode }))
    .output(recoveryCodesOutput)
    .mutation(({ ctx, input }) => confirmTotpEnrolment(ctx.db, ctx.user, input)),

  regenerateRecoveryCodes: protectedProcedure
    .input(z.object({ code: secondFactorCode }))
    .output(recoveryCodesOutput)
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.db, ctx.user, input)),

  disable: protectedProcedure
    .input(z.object({ currentPassword, code: secondFactorCode }))
    .output(z.object({ disabled: z.literal(true) }))
    .mutation(({ ctx, input }) => disableTwoFactor(ctx.db, ctx.user, input)),

  passkeys: passkeysRouter,
});
