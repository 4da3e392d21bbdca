import { z } from "zod";
import { paginationInput } from "../../pagination";
import { protectedProcedure, router } from "../../trpc";
import { apiTokenPage, createApiTokenInput, createdApiToken } from "./schemas";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens";

/**
 * Personal API tokens for /api/v1. Session-only: these procedures are never on the REST face, so a
 * token cannot mint or revoke tokens.
 */
export const apiTokensRouter = router({
  list: protectedProcedure
    .input(paginationInput)
    .output(apiTokenPage)
    .query(({ ctx, input }) => listApiTokens(ctx.db, ctx.user.id, input)),
  create: protectedProcedure
    .input(createApiTokenInput)
    .output(createdApiToken)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, { userId: ctx.user.id, ip: ctx.ip }, input)),
  revoke: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => revokeApiToken(ctx.db, { userId: ctx.user.id, ip: ctx.ip }, input.id)),
});
