import { z } from "zod";
import { entitledProcedure } from "@/server/account/plans/procedure";
import { protectedProcedure, router } from "@/server/trpc";
import { sharedMemberDetail, sharedMembers } from "./coach-scores";
import { acceptInvite, createInvite, listInvites, revokeInvite } from "./invites";
import { createOrganization, leaveOrganization, listMembers, myOrganizations, organizationOf, removeMember, setMemberRole } from "./organizations";
import {
  acceptInviteInput,
  acceptedInviteView,
  createOrganizationInput,
  inviteIdInput,
  inviteInput,
  invitePage,
  inviteView,
  memberInput,
  memberPage,
  memberView,
  mySharesView,
  organizationInput,
  organizationSummaryView,
  organizationView,
  pagedOrganizationInput,
  setRoleInput,
  setShareInput,
  sharedMemberDetailView,
  sharedMemberInput,
  sharedMemberPage,
  shareTargetInput,
} from "./schemas";
import { setShare, shareTargets, stopShare } from "./shares";

/** A plan with the team dashboard runs an organization; joining one, sharing and coaching work on any plan. */
const teamPlanProcedure = entitledProcedure("team-dashboard");
const ok = z.object({ ok: z.literal(true) });

export const teamsRouter = router({
  mine: protectedProcedure.output(z.array(organizationSummaryView)).query(({ ctx }) => myOrganizations(ctx.db, ctx.user.id)),
  get: protectedProcedure
    .input(organizationInput)
    .output(organizationView)
    .query(({ ctx, input }) => organizationOf(ctx.db, input.organizationId, ctx.user.id)),
  create: teamPlanProcedure
    .input(createOrganizationInput)
    .output(organizationView)
    .mutation(({ ctx, input }) => createOrganization(ctx.db, ctx.user.id, input.name)),
  leave: protectedProcedure
    .input(organizationInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await leaveOrganization(ctx.db, ctx.user.id, input.organizationId);
      return { ok: true as const };
    }),
  members: router({
    list: protectedProcedure
      .input(pagedOrganizationInput)
      .output(memberPage)
      .query(({ ctx, input }) => listMembers(ctx.db, ctx.user.id, input)),
    remove: protectedProcedure
      .input(memberInput)
      .output(ok)
      .mutation(async ({ ctx, input }) => {
        await removeMember(ctx.db, ctx.user.id, input.organizationId, input.userId);
        return { ok: true as const };
      }),
    setRole: protectedProcedure
      .input(setRoleInput)
      .output(memberView)
      .mutation(({ ctx, input }) => setMemberRole(ctx.db, ctx.user.id, input.organizationId, input.userId, input.role)),
  }),
  invites: router({
    create: teamPlanProcedure
      .input(inviteInput)
      .output(inviteView)
      .mutation(({ ctx, input }) => createInvite(ctx.db, ctx.user.id, input)),
    list: protectedProcedure
      .input(pagedOrganizationInput)
      .output(invitePage)
      .query(({ ctx, input }) => listInvites(ctx.db, ctx.user.id, input)),
    revoke: protectedProcedure
      .input(inviteIdInput)
      .output(ok)
      .mutation(async ({ ctx, input }) => {
        await revokeInvite(ctx.db, ctx.user.id, input.inviteId);
        return { ok: true as const };
      }),
    accept: protectedProcedure
      .input(acceptInviteInput)
      .output(acceptedInviteView)
      .mutation(({ ctx, input }) => acceptInvite(ctx.db, ctx.user, input.token)),
  }),
  shares: router({
    mine: protectedProcedure
      .input(organizationInput)
      .output(mySharesView)
      .query(async ({ ctx, input }) => ({ targets: await shareTargets(ctx.db, ctx.user.id, input.organizationId) })),
    set: protectedProcedure
      .input(setShareInput)
      .output(mySharesView)
      .mutation(async ({ ctx, input }) => ({ targets: await setShare(ctx.db, ctx.user.id, input, { ip: ctx.ip }) })),
    stop: protectedProcedure
      .input(shareTargetInput)
      .output(mySharesView)
      .mutation(async ({ ctx, input }) => ({ targets: await stopShare(ctx.db, ctx.user.id, input, { ip: ctx.ip }) })),
  }),
  coach: router({
    members: protectedProcedure
      .input(pagedOrganizationInput)
      .output(sharedMemberPage)
      .query(({ ctx, input }) => sharedMembers(ctx.db, ctx.user.id, input)),
    member: protectedProcedure
      .input(sharedMemberInput)
      .output(sharedMemberDetailView)
      .query(({ ctx, input }) => sharedMemberDetail(ctx.db, ctx.user.id, input, { ip: ctx.ip })),
  }),
});
