import type { RawRetentionDays } from "@/db/schema/profile";
import { PRIVACY_POLICY_VERSION } from "@/server/account/privacy/policy";
import type { SyncRow } from "@/server/sync/protocol";

export interface PrivacyValues {
  shareAnonymousData: boolean;
  shareAnonymousDataChangedAt: Date | null;
  researchOptIn: boolean;
  researchOptInChangedAt: Date | null;
  rawPayloadRetentionDays: RawRetentionDays | null;
  policyVersion: string;
  /** The server's version of the row (null before it has one): it moves when a change was stored there. */
  version: number | null;
}

const dateOrNull = (value: unknown) => (typeof value === "string" || value instanceof Date ? new Date(value) : null);

/** The privacy settings from this device's copy of their row; a row not there yet reads as the defaults (both off, keep forever). */
export function privacyValuesOf(row: SyncRow | undefined): PrivacyValues {
  const r = row ?? {};
  return {
    shareAnonymousData: r.share_anonymous_data === true,
    shareAnonymousDataChangedAt: dateOrNull(r.share_anonymous_data_changed_at),
    researchOptIn: r.research_opt_in === true,
    researchOptInChangedAt: dateOrNull(r.research_opt_in_changed_at),
    rawPayloadRetentionDays: r.raw_payload_retention_days == null ? null : (Number(r.raw_payload_retention_days) as RawRetentionDays),
    policyVersion: PRIVACY_POLICY_VERSION,
    version: typeof r.version === "number" ? r.version : null,
  };
}
