import { z } from "zod";
import { PLAN_IDS } from "@/db/schema/plans";
import { singleLineText } from "../../inputs";

/** Inputs of the admin's user procedures (safe to import from the client). */

export const userId = z.uuid();
/** Why an admin acts: recorded in the audit entry, so it must say something. */
export const actionReason = singleLineText({ min: 3, max: 500, minMessage: "Say why (a few words): it is recorded in the audit log." });
/** Opening someone's health data takes a real reason. */
export const healthDataReason = singleLineText({ min: 10, max: 500, minMessage: "Give the reason for opening this person's health data (at least 10 characters)." });

export const searchInput = z.object({ q: singleLineText({ max: 200 }).optional() });
export const setPlanInput = z.object({ userId, plan: z.enum(PLAN_IDS), reason: actionReason });
export const setRoleInput = z.object({ userId, role: z.enum(["user", "admin"]), reason: actionReason });
export const disableInput = z.object({ userId, reason: actionReason });
export const endSessionsInput = z.object({ userId, reason: actionReason.optional() });
export const healthDataInput = z.object({ userId, reason: healthDataReason });
