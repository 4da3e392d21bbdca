import type { AnyDefinedFunction, AnyLocalFunction } from "./define";
import { cronFunctions } from "./schedules";
import { backfillConnection } from "./functions/devices/backfill-connection";
import { importFile } from "./functions/imports/import-file";
import { ingestWebhook } from "./functions/ingestion/ingest-webhook";
import { sendAddressInUseNotice } from "./functions/auth/send-address-in-use-notice";
import { sendEmailChangeEmail } from "./functions/auth/send-email-change-email";
import { sendEmailChangedNotice } from "./functions/auth/send-email-changed-notice";
import { sendPasswordResetEmail } from "./functions/auth/send-password-reset-email";
import { scheduleSyncs } from "./functions/devices/schedule-syncs";
import { sendVerificationEmail } from "./functions/auth/send-verification-email";
import { syncConnection } from "./functions/devices/sync-connection";
import { recomputeSummaries } from "./functions/timeseries/recompute-summaries";
import { fanOutNightlyInsights } from "./functions/analytics/fan-out-nightly-insights";
import { recomputeInsightsJob } from "./functions/analytics/recompute-insights";
import { fanOutWeeklyReports } from "./functions/reports/fan-out-weekly-reports";
import { makeWeeklyReport } from "./functions/reports/make-weekly-report";
import { expireExportsJob } from "./functions/exports/expire-exports";
import { runExportJob } from "./functions/exports/run-export";
import { enforceRawRetention } from "./functions/privacy/enforce-raw-retention";
import { eraseAccount } from "./functions/privacy/erase-account";
import { fanOutAccountDeletions } from "./functions/privacy/fan-out-account-deletions";
import { fanOutRawRetention } from "./functions/privacy/fan-out-raw-retention";
import { sendDeletionConfirmationEmail } from "./functions/privacy/send-deletion-confirmation-email";
import { fanOutNotifications } from "./functions/notifications/fan-out-notifications";
import { notifyUser } from "./functions/notifications/notify-user";
import { pruneRequestMetricsJob } from "./functions/ops/prune-request-metrics";

/**
 * Every job function, one per file in inngest/functions/. Only the boot path
 * (`server/platform/jobs/install.ts`) and the Inngest route import this list; code that emits events never does.
 */
export const functions: AnyDefinedFunction[] = [
  sendVerificationEmail,
  sendPasswordResetEmail,
  sendEmailChangeEmail,
  sendAddressInUseNotice,
  sendEmailChangedNotice,
  importFile,
  ingestWebhook,
  syncConnection,
  backfillConnection,
  scheduleSyncs,
  recomputeSummaries,
  recomputeInsightsJob,
  fanOutNightlyInsights,
  fanOutWeeklyReports,
  makeWeeklyReport,
  runExportJob,
  expireExportsJob,
  sendDeletionConfirmationEmail,
  fanOutAccountDeletions,
  eraseAccount,
  fanOutRawRetention,
  enforceRawRetention,
  fanOutNotifications,
  notifyUser,
  pruneRequestMetricsJob,
];

/** The functions as Inngest sees them (served at /api/inngest). */
export function inngestFunctions() {
  return [...functions.map((f) => f.inngest), ...cronFunctions];
}

/** The same functions as the in-process runner runs them. */
export function localFunctions(): AnyLocalFunction[] {
  return functions.map((f) => f.local as AnyLocalFunction);
}
