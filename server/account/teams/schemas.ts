import { z } from "zod";
import { ASSIGNABLE_ROLES, ORG_ROLES, SHARE_HISTORY_DAYS } from "@/db/schema/teams";
import { secretText, singleLineText } from "@/server/inputs";
import { paginated, paginationInput } from "@/server/pagination";

/* Inputs and views of the teams procedures (safe to import from the client). */

export const orgRole = z.enum(ORG_ROLES);
export const assignableRole = z.enum(ASSIGNABLE_ROLES);
export const shareHistoryDays = z.union(SHARE_HISTORY_DAYS.map((days) => z.literal(days)) as [z.ZodLiteral<7>, z.ZodLiteral<30>, z.ZodLiteral<90>]);

const organizationId = z.uuid();
const email = singleLineText({ max: 320 }).pipe(z.email("Enter a valid email address."));

export const createOrganizationInput = z.object({ name: singleLineText({ max: 80, min: 2, minMessage: "Give the organization a name of at least 2 characters." }) });
export const organizationInput = z.object({ organizationId });
export const pagedOrganizationInput = paginationInput.extend({ organizationId });
export const inviteInput = z.object({ organizationId, email, role: assignableRole });
export const inviteIdInput = z.object({ inviteId: z.uuid() });
export const acceptInviteInput = z.object({ token: secretText({ max: 200, min: 1 }) });
export const memberInput = z.object({ organizationId, userId: z.uuid() });
export const setRoleInput = memberInput.extend({ role: assignableRole });
/** `coachUserId` null: every coach of the organization (and its owner). */
export const shareTargetInput = z.object({ organizationId, coachUserId: z.uuid().nullable() });
export const setShareInput = shareTargetInput.extend({ historyDays: shareHistoryDays });

export const organizationSummaryView = z.object({ id: z.string(), name: z.string(), role: orgRole, createdAt: z.date() });
export type OrganizationSummaryView = z.infer<typeof organizationSummaryView>;

export const organizationView = organizationSummaryView.extend({ memberCount: z.number().int() });
export type OrganizationView = z.infer<typeof organizationView>;

/** A person in the organization as the others see them: a name, never an address. */
export const memberView = z.object({ id: z.string(), userId: z.string(), name: z.string(), role: orgRole, joinedAt: z.date(), isYou: z.boolean() });
export type MemberView = z.infer<typeof memberView>;
export const memberPage = paginated(memberView);

export const inviteView = z.object({ id: z.string(), email: z.string(), role: assignableRole, createdAt: z.date(), expiresAt: z.date() });
export type InviteView = z.infer<typeof inviteView>;
export const invitePage = paginated(inviteView);

export const acceptedInviteView = z.object({ organizationId: z.string(), organizationName: z.string(), role: orgRole });

/** Who a member can share with (coaches and the owner) and what they share now. */
export const shareTargetView = z.object({ coachUserId: z.string().nullable(), name: z.string(), sharing: z.boolean(), historyDays: shareHistoryDays.nullable() });
export type ShareTargetView = z.infer<typeof shareTargetView>;
export const mySharesView = z.object({ targets: z.array(shareTargetView) });

/** What a coach sees of a day: the date, the score and its band. Nothing else. */
export const sharedScoreView = z.object({ date: z.string(), score: z.number().int().nullable(), band: z.enum(["peak", "good", "fair", "low"]).nullable() });
export type SharedScoreView = z.infer<typeof sharedScoreView>;

export const sharedMemberView = z.object({ userId: z.string(), name: z.string(), historyDays: shareHistoryDays, latest: sharedScoreView.nullable(), week: z.array(sharedScoreView) });
export type SharedMemberView = z.infer<typeof sharedMemberView>;
export const sharedMemberPage = paginated(sharedMemberView);

export const sharedMemberDetailView = z.object({ userId: z.string(), name: z.string(), historyDays: shareHistoryDays, scores: z.array(sharedScoreView) });
export type SharedMemberDetailView = z.infer<typeof sharedMemberDetailView>;
export const sharedMemberInput = z.object({ organizationId, memberUserId: z.uuid() });
