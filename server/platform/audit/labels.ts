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
  "admin.user-opened": "An admin opened your account details",
  "admin.health-data-opened": "An admin opened a summary of your health data",
  "admin.plan-changed": "An admin changed your plan",
  "admin.role-changed": "An admin changed your role",
  "admin.user-disabled": "An admin disabled your account",
  "admin.user-enabled": "An admin enabled your account again",
  "admin.sessions-ended": "An admin signed you out everywhere",
  "admin.job-retried": "An admin ran a background job about your account again",
  "admin.job-cancelled": "An admin cancelled a background job about your account",
  "admin.email-retried": "An admin sent an email to you again",
};
