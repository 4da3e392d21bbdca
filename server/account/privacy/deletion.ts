import { and, asc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Database } from "@/db";
import { accountDeletions, type AccountDeletion } from "@/db/schema/privacy";
import type { AppEvent } from "@/inngest/events";
import { AppError } from "../../errors";
import { recordAudit } from "../../platform/audit/audit";
import { emit } from "../../platform/jobs/emit";
import type { SessionUser } from "../../trpc";
import { confirmCurrentPassword } from "../auth/account-security";
import { consumeToken, revokeOutstandingTokens } from "../auth/tokens";
import { DELETION_GRACE_DAYS } from "./policy";

const DAY_MS = 86_400_000;
/** Deletions looked at per step of the hourly fan-out. */
export const DUE_PAGE_SIZE = 500;

export interface DeletionState {
  /** none: no request (or it was cancelled); requested: waiting for the emailed link; scheduled: in the grace period. */
  state: "none" | "requested" | "scheduled" | "erasing";
  requestedAt: Date | null;
  scheduledFor: Date | null;
  /** Where the confirmation and the receipt go. */
  receiptEmail: string | null;
}

async function deletionOf(db: Database, userId: string): Promise<AccountDeletion | null> {
  const [row] = await db.select().from(accountDeletions).where(eq(accountDeletions.userId, userId));
  return row ?? null;
}

function stateOf(row: AccountDeletion | null): DeletionState {
  if (!row || row.status === "cancelled") return { state: "none", requestedAt: null, scheduledFor: null, receiptEmail: null };
  return { state: row.status, requestedAt: row.requestedAt, scheduledFor: row.scheduledFor, receiptEmail: row.receiptEmail };
}

export async function deletionState(db: Database, userId: string): Promise<DeletionState> {
  return stateOf(await deletionOf(db, userId));
}

/**
 * Starts a deletion after the password is re-entered: the confirmation link goes to the account's
 * address, which is also where the receipt will go. Asking again re-sends the link (the earlier one
 * stops working); a confirmed deletion must be cancelled first.
 */
export async function requestAccountDeletion(db: Database, sessionUser: SessionUser, currentPassword: string, now: Date = new Date()): Promise<DeletionState> {
  const user = await confirmCurrentPassword(db, sessionUser, currentPassword);
  const existing = await deletionOf(db, user.id);
  if (existing?.status === "scheduled" || existing?.status === "erasing") throw AppError.conflict("Your account is already scheduled for deletion.");
  const fresh = { status: "requested" as const, receiptEmail: user.email, requestedAt: now, confirmedAt: null, scheduledFor: null, cancelledAt: null };
  await db.transaction(async (tx) => {
    await tx.insert(accountDeletions).values({ userId: user.id, ...fresh }).onConflictDoUpdate({ target: accountDeletions.userId, set: fresh });
    await recordAudit(tx, { action: "privacy.deletion-requested", actorUserId: user.id, subjectUserId: user.id }, now);
  });
  await emit(db, "privacy/deletion-confirmation.requested", { userId: user.id });
  return deletionState(db, user.id);
}

const invalidLink = () => AppError.field("token", "This link is invalid, was already used or has expired. Ask for a new one on the privacy page.");

/** Follows the emailed link: the account is erased once the grace period is over, unless cancelled before. */
export async function confirmAccountDeletion(db: Database, userId: string, token: string, now: Date = new Date()): Promise<DeletionState> {
  await db.transaction(async (tx) => {
    const used = await consumeToken(tx, "delete_account", token, now);
    // Someone else's link is refused like a made-up one, and stays unused (the transaction rolls back).
    if (used.userId !== userId) throw invalidLink();
    const scheduledFor = new Date(now.getTime() + DELETION_GRACE_DAYS * DAY_MS);
    const [row] = await tx
      .update(accountDeletions)
      .set({ status: "scheduled", confirmedAt: now, scheduledFor })
      .where(and(eq(accountDeletions.userId, userId), eq(accountDeletions.status, "requested")))
      .returning({ id: accountDeletions.id });
    if (!row) throw invalidLink();
    await recordAudit(tx, { action: "privacy.deletion-confirmed", actorUserId: userId, subjectUserId: userId, details: { scheduledFor: scheduledFor.toISOString() } }, now);
  });
  return deletionState(db, userId);
}

/** Keeps the account: ends a pending request or a scheduled deletion (not one already being erased). */
export async function cancelAccountDeletion(db: Database, userId: string, now: Date = new Date()): Promise<DeletionState> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(accountDeletions)
      .set({ status: "cancelled", cancelledAt: now })
      .where(and(eq(accountDeletions.userId, userId), inArray(accountDeletions.status, ["requested", "scheduled"])))
      .returning({ id: accountDeletions.id });
    if (!row) {
      const current = await deletionOf(tx, userId);
      if (current?.status === "erasing") throw AppError.conflict("The erasure of your account has already started.");
      throw AppError.conflict("There is no deletion to cancel.");
    }
    await revokeOutstandingTokens(tx, userId, ["delete_account"], now);
    await recordAudit(tx, { action: "privacy.deletion-cancelled", actorUserId: userId, subjectUserId: userId }, now);
  });
  return deletionState(db, userId);
}

export interface DuePage {
  events: AppEvent<"privacy/account-deletion.due">[];
  next: string | null;
}

/** One page of the scheduled deletions whose grace period is over at `at`, as events (their id makes a repeat a no-op). */
export async function dueDeletionsPage(db: Database, at: Date, after: string | null, limit = DUE_PAGE_SIZE): Promise<DuePage> {
  const rows = await db
    .select({ id: accountDeletions.id })
    .from(accountDeletions)
    .where(and(eq(accountDeletions.status, "scheduled"), lte(accountDeletions.scheduledFor, at), after ? gt(accountDeletions.id, after) : undefined))
    .orderBy(asc(accountDeletions.id))
    .limit(limit);
  return {
    events: rows.map((r) => ({ name: "privacy/account-deletion.due", data: { deletionId: r.id }, id: `account-deletion-${r.id}` })),
    next: rows.length === limit ? rows[rows.length - 1]!.id : null,
  };
}

/**
 * Marks a due deletion as being erased (from then on it cannot be cancelled). True when the erasure
 * may go on: just started, or started by an earlier attempt; false when cancelled, not yet due or done.
 */
export async function beginErasure(db: Database, deletionId: string, now: Date = new Date()): Promise<boolean> {
  const [started] = await db
    .update(accountDeletions)
    .set({ status: "erasing" })
    .where(and(eq(accountDeletions.id, deletionId), eq(accountDeletions.status, "scheduled"), lte(accountDeletions.scheduledFor, now)))
    .returning({ id: accountDeletions.id });
  if (started) return true;
  const [row] = await db.select({ status: accountDeletions.status }).from(accountDeletions).where(eq(accountDeletions.id, deletionId));
  return row?.status === "erasing";
}

/** The account of a deletion being erased. */
export async function erasingDeletion(db: Database, deletionId: string): Promise<AccountDeletion | null> {
  const [row] = await db
    .select()
    .from(accountDeletions)
    .where(and(eq(accountDeletions.id, deletionId), eq(accountDeletions.status, "erasing")));
  return row ?? null;
}
