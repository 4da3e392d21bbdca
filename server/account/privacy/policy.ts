/** The privacy policy version consents are given under; a new policy text gets a new version. */
export const PRIVACY_POLICY_VERSION = "2026-12-01";

/** Days between confirming an account deletion and the erasure, during which it can be cancelled. */
export const DELETION_GRACE_DAYS = 7;
