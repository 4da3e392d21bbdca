import type { OrgRole } from "@/db/schema/teams";

export const ROLE_LABELS: Record<OrgRole, string> = { owner: "Owner", coach: "Coach", member: "Member" };

/** The roles that see the scores members share with them (as server/account/teams/access.ts). */
export const seesSharedScores = (role: OrgRole) => role === "owner" || role === "coach";
