import { z } from "zod";
import { AppError } from "../../errors";
import { secretText, singleLineText } from "../../inputs";
import { protectedProcedure, publicProcedure, router } from "../../trpc";
import { changePassword, confirmEmailChange, requestEmailChange } from "./account-security";
import { PASSWORD_MAX_LENGTH } from "./password";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { registerAccount, requestVerificationEmail, verifyEmail } from "./registration";
import { listActiveSessions, revokeOtherSessions, revokeSession } from "./sessions";
import { findUserById } from "./users";

const email = singleLineText({ max: 320 }).pipe(z.email("Enter a valid email address."));
// The policy (length, common passwords) is checked in the domain code with clearer messages.
const password = secretText({ max: PASSWORD_MAX_LENGTH * 4 });
const token = singleLineText({ min: 16, minMessage: "This link is incomplete.", max: 200 });

const sessionSummary = z.object({
  id: z.string(),
  device: z.string(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  factor: z.string().nullable(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  current: z.boolean(),
});

export const authRouter = router({
  register: publicProcedure
    .input(z.object({ email, password, name: singleLineText({ max: 100 }).optional() }))
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) => registerAccount(ctx.db, input, { ip: ctx.ip })),

  requestVerificationEmail: protectedProcedure
    .output(z.object({ alreadyVerified: z.boolean() }))
    .mutation(({ ctx }) => requestVerificationEmail(ctx.db, ctx.user.id)),

  verifyEmail: publicProcedure
    .input(z.object({ token }))
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) => verifyEmail(ctx.db, input.token)),

  requestPasswordReset: publicProcedure
    .input(z.object({ email }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await requestPasswordReset(ctx.db, input.email, { ip: ctx.ip });
      return { ok: true as const };
    }),

  resetPassword: publicProcedure
    .input(z.object({ token, password }))
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input.token, input.password)),

  changePassword: protectedProcedure
    .input(z.object({ currentPassword: password, newPassword: password, signOutOthers: z.boolean().default(true) }))
    .output(z.object({ signedOutSessions: z.number().int() }))
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.user, input)),

  requestEmailChange: protectedProcedure
    .input(z.object({ newEmail: email, currentPassword: password }))
    .output(z.object({ pendingEmail: z.string() }))
    .mutation(({ ctx, input }) => requestEmailChange(ctx.db, ctx.user, input, { ip: ctx.ip })),

  confirmEmailChange: publicProcedure
    .input(z.object({ token }))
    .output(z.object({ email: z.string() }))
    .mutation(({ ctx, input }) => confirmEmailChange(ctx.db, input.token)),

  listSessions: protectedProcedure
    .output(z.array(sessionSummary))
    .query(({ ctx }) => listActiveSessions(ctx.db, ctx.user.id, ctx.user.sessionId)),

  revokeSession: protectedProcedure
    .input(z.object({ id: singleLineText({ max: 100 }) }))
    .output(z.object({ revoked: z.literal(true), current: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      if (!(await revokeSession(ctx.db, ctx.user.id, input.id))) throw AppError.notFound("Session");
      return { revoked: true as const, current: input.id === ctx.user.sessionId };
    }),

  signOutOtherSessions: protectedProcedure
    .output(z.object({ signedOutSessions: z.number().int() }))
    .mutation(async ({ ctx }) => ({ signedOutSessions: await revokeOtherSessions(ctx.db, ctx.user.id, ctx.user.sessionId) })),

  /** A constant answer behind the session check: for clients checking their session, and the benchmark's baseline. */
  ping: protectedProcedure.output(z.object({ ok: z.literal(true) })).query(() => ({ ok: true as const })),

  me: protectedProcedure
    .output(
      z.object({
        id: z.string(),
        email: z.string(),
        name: z.string().nullable(),
        role: z.enum(["user", "admin"]),
        emailVerified: z.boolean(),
        hasPassword: z.boolean(),
        sessionId: z.string(),
      }),
    )
    .query(async ({ ctx }) => {
      const user = await findUserById(ctx.db, ctx.user.id);
      if (!user) throw AppError.unauthorized();
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        emailVerified: user.emailVerifiedAt !== null,
        hasPassword: user.passwordHash !== null,
        sessionId: ctx.user.sessionId,
      };
    }),
});
