import { eq, getTableColumns, getTableName } from "drizzle-orm";
import type { Database } from "@/db";
import { accountDeletions } from "@/db/schema/privacy";
import { users } from "@/db/schema/auth";
import { userDataTables, type UserDataTable } from "@/db/schema/registry";
import { recordAudit } from "../../platform/audit/audit";
import { forgetJobsMentioning } from "../../platform/jobs/forget";
import { forgetRateLimitsMentioning } from "../../platform/rate-limits/forget";
import { fileStorage, userPrefix } from "../../platform/storage";
import { erasingDeletion } from "./deletion";
import { erasurePlan } from "./dry-run";
import { ownedBy } from "./owned-rows";

/** What the receipt and the audit entry say; no id or address of the account. */
export interface ErasureSummary {
  deletedRows: number;
  detachedRows: number;
  files: number;
  tables: Record<string, number>;
}

export interface Receipt {
  to: string;
  requestedAt: Date;
  summary: ErasureSummary;
}

/** Removes the stored files of the account being erased; returns how many there were (0 on a repeat). */
export async function removeAccountFiles(db: Database, deletionId: string): Promise<number> {
  const deletion = await erasingDeletion(db, deletionId);
  return deletion ? fileStorage().deletePrefix(userPrefix(deletion.userId)) : 0;
}

/** The property name drizzle gives the owner column (for `.set()`). */
function ownerKey(entry: UserDataTable): string {
  const key = Object.entries(getTableColumns(entry.table)).find(([, column]) => column === entry.owner)?.[0];
  if (!key) throw new Error(`${getTableName(entry.table)}: owner column not found`);
  return key;
}

/**
 * Erases the account in one transaction, by each registry table's rule: "delete" rows go first,
 * "detach" rows lose their owner, the users row goes last and takes the "cascade" rows with it.
 * Then the job runner's and the rate limiter's records naming the account, an audit entry that
 * names neither the account nor its address, and the receipt (sent from inside the transaction, so
 * it is never lost nor sent for an erasure that rolled back). Null when already done.
 */
export async function eraseAccountRows(
  db: Database,
  deletionId: string,
  files: number,
  sendReceipt: (tx: Database, receipt: Receipt) => Promise<void>,
): Promise<ErasureSummary | null> {
  return db.transaction(async (tx) => {
    const [deletion] = await tx.select().from(accountDeletions).where(eq(accountDeletions.id, deletionId)).for("update");
    if (deletion?.status !== "erasing") return null;
    const { userId } = deletion;
    const plan = await erasurePlan(tx, userId);
    for (const entry of userDataTables) {
      if (entry.table === users) continue;
      if (entry.erase === "delete") await tx.delete(entry.table).where(ownedBy(tx, entry, userId));
      if (entry.erase === "detach") await tx.update(entry.table).set({ [ownerKey(entry)]: null }).where(ownedBy(tx, entry, userId));
    }
    await tx.delete(users).where(eq(users.id, userId));
    await forgetJobsMentioning(tx, userId);
    await forgetRateLimitsMentioning(tx, userId);
    const summary: ErasureSummary = {
      deletedRows: plan.deletedRows,
      detachedRows: plan.detachedRows,
      files,
      tables: Object.fromEntries(plan.tables.filter((t) => t.rows > 0).map((t) => [t.table, t.rows])),
    };
    await recordAudit(tx, { action: "privacy.account-erased", actorUserId: null, subjectUserId: null, target: { type: "account-deletion", id: deletionId }, details: { ...summary } });
    await sendReceipt(tx, { to: deletion.receiptEmail, requestedAt: deletion.requestedAt, summary });
    return summary;
  });
}
