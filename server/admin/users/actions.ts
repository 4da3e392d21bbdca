import { and, count, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { users } from "@/db/schema/auth";
import { revokeAllSessions } from "@/server/account/auth/sessions";
import type { PlanId } from "@/server/account/plans/catalog";
import { getSubscription, planOf, saveSubscription } from "@/server/account/plans/subscriptions";
import { AppError } from "../../errors";
import { auditAdminAction, type AdminActor } from "../admin-audit";
import { requireUser } from "./detail";

/*
 * What an admin can do to an account. Each action runs in one transaction with its audit entry
 * (the reason the admin gave goes into the entry's details), so there is no action without a trace.
 */

/**
 * Puts the user on `plan` by hand (source "manual"): a paid plan becomes an active subscription at
 * the catalog price; "free" cancels a live paid subscription (and changes nothing without one).
 */
export async function setUserPlan(db: Database, actor: AdminActor, input: { userId: string; plan: PlanId; reason: string }) {
  await requireUser(db, input.userId);
  return db.transaction(async (tx) => {
    const before = await getSubscription(tx, input.userId);
    const from = planOf(before);
    if (input.plan !== "free") await saveSubscription(tx, input.userId, { plan: input.plan, status: "active", source: "manual" });
    else if (before && from !== "free") await saveSubscription(tx, input.userId, { plan: before.plan, status: "canceled", source: "manual" });
    await auditAdminAction(tx, actor, { action: "admin.plan-changed", subjectUserId: input.userId, details: { reason: input.reason, from, to: input.plan } });
    return { plan: input.plan, previousPlan: from };
  });
}

async function activeAdminCount(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
  return row?.n ?? 0;
}

/** Makes the user an admin or a plain user; the last admin who can sign in stays one. */
export async function setUserRole(db: Database, actor: AdminActor, input: { userId: string; role: "user" | "admin"; reason: string }) {
  return db.transaction(async (tx) => {
    const user = await requireUser(tx, input.userId);
    if (user.role === input.role) return { role: user.role };
    if (input.role === "user" && !user.disabledAt && (await activeAdminCount(tx)) <= 1) {
      throw AppError.conflict("This is the last admin: make someone else an admin first.");
    }
    await tx.update(users).set({ role: input.role }).where(eq(users.id, input.userId));
    await auditAdminAction(tx, actor, { action: "admin.role-changed", subjectUserId: input.userId, details: { reason: input.reason, from: user.role, to: input.role } });
    return { role: input.role };
  });
}

/** Disables the account (it cannot sign in any way) and ends all its sessions. Not the admin's own. */
export async function disableUser(db: Database, actor: AdminActor, input: { userId: string; reason: string }, now: Date = new Date()) {
  if (input.userId === actor.userId) throw AppError.conflict("You cannot disable your own account.");
  return db.transaction(async (tx) => {
    const user = await requireUser(tx, input.userId);
    if (!user.disabledAt) await tx.update(users).set({ disabledAt: now }).where(eq(users.id, input.userId));
    const sessionsEnded = await revokeAllSessions(tx, input.userId, now);
    await auditAdminAction(tx, actor, { action: "admin.user-disabled", subjectUserId: input.userId, details: { reason: input.reason, sessionsEnded } });
    return { disabledAt: user.disabledAt ?? now, sessionsEnded };
  });
}

/** Lets a disabled account sign in again (its old sessions stay ended). */
export async function enableUser(db: Database, actor: AdminActor, input: { userId: string; reason: string }) {
  return db.transaction(async (tx) => {
    await requireUser(tx, input.userId);
    await tx.update(users).set({ disabledAt: null }).where(eq(users.id, input.userId));
    await auditAdminAction(tx, actor, { action: "admin.user-enabled", subjectUserId: input.userId, details: { reason: input.reason } });
    return { disabledAt: null };
  });
}

/** Signs the user out everywhere (every session row revoked; each browser is signed out on its next request). */
export async function endUserSessions(db: Database, actor: AdminActor, input: { userId: string; reason?: string | null }, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    await requireUser(tx, input.userId);
    const sessionsEnded = await revokeAllSessions(tx, input.userId, now);
    await auditAdminAction(tx, actor, {
      action: "admin.sessions-ended",
      subjectUserId: input.userId,
      details: { sessionsEnded, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return { sessionsEnded };
  });
}
