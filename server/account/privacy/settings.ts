import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { privacySettings, type RawRetentionDays } from "@/db/schema/profile";
import { consentRecords, type ConsentName, type ConsentRecord } from "@/db/schema/privacy";
import { AppError } from "../../errors";
import { afterCursor, newestFirst } from "../../keyset";
import { toPage, type Paginated, type PaginationInput } from "../../pagination";
import { recordAudit } from "../../platform/audit/audit";
import { PRIVACY_POLICY_VERSION } from "./policy";

export type PrivacyView = Omit<typeof privacySettings.$inferSelect, "userId"> & { policyVersion: string };

export interface PrivacyUpdate {
  shareAnonymousData?: boolean;
  researchOptIn?: boolean;
  /** null: keep raw payloads for good. */
  rawPayloadRetentionDays?: RawRetentionDays | null;
}

/** Which settings column each consent is, with its "last changed" column. */
const consentColumns = {
  share_anonymous_data: { value: "shareAnonymousData", changedAt: "shareAnonymousDataChangedAt" },
  research: { value: "researchOptIn", changedAt: "researchOptInChangedAt" },
} as const satisfies Record<ConsentName, { value: keyof PrivacyUpdate; changedAt: keyof PrivacyView }>;

export async function getPrivacySettings(db: Database, userId: string): Promise<PrivacyView> {
  const read = () => db.select().from(privacySettings).where(eq(privacySettings.userId, userId));
  let [row] = await read();
  if (!row) {
    await db.insert(privacySettings).values({ userId }).onConflictDoNothing();
    [row] = await read();
  }
  if (!row) throw AppError.notFound("Privacy settings");
  const { userId: _owner, ...settings } = row;
  return { ...settings, policyVersion: PRIVACY_POLICY_VERSION };
}

/**
 * Saves what changed: a consent that actually changes gets a new "last changed" time and one
 * consent record with the policy version; a new retention period is audited.
 */
export async function updatePrivacySettings(db: Database, userId: string, input: PrivacyUpdate, now: Date = new Date()): Promise<PrivacyView> {
  const current = await getPrivacySettings(db, userId);
  const changes: Partial<typeof privacySettings.$inferInsert> = {};
  const decisions: { consent: ConsentName; granted: boolean }[] = [];
  for (const [consent, columns] of Object.entries(consentColumns) as [ConsentName, (typeof consentColumns)[ConsentName]][]) {
    const wanted = input[columns.value];
    if (wanted === undefined || wanted === current[columns.value]) continue;
    changes[columns.value] = wanted;
    changes[columns.changedAt] = now;
    decisions.push({ consent, granted: wanted });
  }
  const retention = input.rawPayloadRetentionDays;
  const retentionChanged = retention !== undefined && retention !== current.rawPayloadRetentionDays;
  if (retentionChanged) changes.rawPayloadRetentionDays = retention;
  if (Object.keys(changes).length === 0) return current;
  await db.transaction(async (tx) => {
    await tx.update(privacySettings).set(changes).where(eq(privacySettings.userId, userId));
    if (decisions.length) await tx.insert(consentRecords).values(decisions.map((d) => ({ userId, ...d, version: PRIVACY_POLICY_VERSION, at: now })));
    if (retentionChanged) {
      await recordAudit(tx, { action: "privacy.raw-retention-changed", actorUserId: userId, subjectUserId: userId, details: { from: current.rawPayloadRetentionDays, to: retention } }, now);
    }
  });
  return getPrivacySettings(db, userId);
}

/** The user's consent decisions, newest first. */
export async function consentHistory(db: Database, userId: string, input: PaginationInput): Promise<Paginated<Omit<ConsentRecord, "userId">>> {
  const rows = await db
    .select({ id: consentRecords.id, consent: consentRecords.consent, version: consentRecords.version, granted: consentRecords.granted, at: consentRecords.at })
    .from(consentRecords)
    .where(and(eq(consentRecords.userId, userId), afterCursor(consentRecords.at, consentRecords.id, input.cursor)))
    .orderBy(...newestFirst(consentRecords.at, consentRecords.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (row) => row.at);
}
