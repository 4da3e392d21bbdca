import type { AuditAction } from "./audit";

/** What each audited action means to the person it concerns; every action has a label here. */
export const auditActionLabels: Record<AuditAction, string> = {
  "outbox.message-opened": "Opened an email sent to you (in the admin outbox)",
  "analytics.score-weights-changed": "Changed your energy score weights",
  "exports.downloaded": "Downloaded an export of your data",
  "journal.notes-read": "Opened your journal notes",
  "journal.notes-written": "Wrote journal notes",
  "privacy.deletion-requested": "Asked to delete your account",
  "privacy.deletion-confirmed": "Confirmed the deletion of your account",
  "privacy.deletion-cancelled": "Cancelled the deletion of your account",
  "privacy.account-erased": "Erased the account",
  "privacy.raw-retention-changed": "Changed how long raw device data is kept",
  "privacy.raw-payloads-removed": "Removed raw device data past its retention period",
  "teams.scores-shared": "Shared your energy scores with a coach of an organization",
  "teams.scores-unshared": "Stopped sharing your energy scores with a coach of an organization",
  "teams.scores-read": "A coach of your organization opened your shared energy scores",
};
