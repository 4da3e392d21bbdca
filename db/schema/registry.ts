import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { aiRequests, correlations, energyScores, forecastAccuracy, forecasts, recommendations, riskFlags, scoreWeightOverrides } from "./analytics";
import { auditEvents } from "./audit";
import { authAccounts, authSessions, authTokens, users } from "./auth";
import { emailOutbox } from "./email";
import { dataExports } from "./exports";
import { fileImportChunks, fileImports } from "./imports";
import { oauthStates, providerConnections, syncRuns } from "./devices";
import { rawRecords, webhookDeliveries } from "./ingestion";
import { dailySummaries, providerDailyTotals, providerPriorities, seriesChunks, sleepSessions, summaryRecomputes, workouts } from "./timeseries";
import { notifications } from "./notifications";
import { notificationPreferences, privacySettings, profiles } from "./profile";
import { passkeys, recoveryCodes, signInTickets, totpCredentials, webauthnChallenges } from "./two-factor";

/**
 * How a user's rows leave in an export:
 * - "rows": every row of the user, without the `exportOmit` columns;
 * - "none": not exported (credentials, short-lived protocol state, transport copies of data that
 *   is exported from another table).
 */
export type ExportRule = "rows" | "none";

/**
 * How a user's rows are erased with the account:
 * - "cascade": the owner column's foreign key deletes them with the user row;
 * - "delete": erasure deletes them by owner first (the foreign key would only detach them, or
 *   this is the users table itself, deleted last);
 * - "detach": the rows stay, the owner's foreign key sets the owner column null (records that must
 *   outlive the account they are about).
 */
export type EraseRule = "cascade" | "delete" | "detach";

export interface UserDataTable {
  table: PgTable;
  /** The column holding the owner's user id (`users.id` for the users table itself). */
  owner: PgColumn;
  /**
   * For a table without a user id of its own: the registered table whose key `owner` references
   * (its rows belong to the user who owns that parent row).
   */
  ownedThrough?: PgTable;
  export: ExportRule;
  /** Columns never exported (secrets). */
  exportOmit?: readonly PgColumn[];
  erase: EraseRule;
  /** Whether offline-first sync carries the table (a synced table has `updated_at`). */
  sync: boolean;
}

/**
 * Every table that holds a user's data, one line each, grouped by schema file. Export-all, erasure,
 * sync and the cross-user test walk this list; a test fails when a table with `user_id` is missing.
 * A new domain adds its tables here and nothing else.
 */
export const userDataTables: readonly UserDataTable[] = [
  // auth
  { table: users, owner: users.id, export: "rows", exportOmit: [users.passwordHash], erase: "delete", sync: false },
  { table: authSessions, owner: authSessions.userId, export: "rows", erase: "cascade", sync: false },
  { table: authTokens, owner: authTokens.userId, export: "none", erase: "cascade", sync: false },
  { table: authAccounts, owner: authAccounts.userId, export: "rows", erase: "cascade", sync: false },
  // two-factor: secrets and protocol state are not exported
  { table: totpCredentials, owner: totpCredentials.userId, export: "rows", exportOmit: [totpCredentials.secretEnc], erase: "cascade", sync: false },
  { table: recoveryCodes, owner: recoveryCodes.userId, export: "none", erase: "cascade", sync: false },
  { table: passkeys, owner: passkeys.userId, export: "rows", exportOmit: [passkeys.publicKey], erase: "cascade", sync: false },
  { table: signInTickets, owner: signInTickets.userId, export: "none", erase: "cascade", sync: false },
  { table: webauthnChallenges, owner: webauthnChallenges.userId, export: "none", erase: "cascade", sync: false },
  // email: the outbox keeps a row when its user goes (set null), so erasure deletes the user's mail itself
  { table: emailOutbox, owner: emailOutbox.userId, export: "rows", erase: "delete", sync: false },
  // profile
  { table: profiles, owner: profiles.userId, export: "rows", erase: "cascade", sync: false },
  { table: notificationPreferences, owner: notificationPreferences.userId, export: "rows", erase: "cascade", sync: false },
  { table: privacySettings, owner: privacySettings.userId, export: "rows", erase: "cascade", sync: false },
  // integrations
  {
    table: providerConnections,
    owner: providerConnections.userId,
    export: "rows",
    exportOmit: [providerConnections.accessTokenEnc, providerConnections.refreshTokenEnc],
    erase: "cascade",
    sync: false,
  },
  { table: oauthStates, owner: oauthStates.userId, export: "none", erase: "cascade", sync: false },
  { table: webhookDeliveries, owner: webhookDeliveries.userId, export: "none", erase: "cascade", sync: false },
  { table: rawRecords, owner: rawRecords.userId, export: "rows", erase: "cascade", sync: false },
  { table: seriesChunks, owner: seriesChunks.userId, export: "rows", erase: "cascade", sync: false },
  { table: sleepSessions, owner: sleepSessions.userId, export: "rows", erase: "cascade", sync: false },
  { table: workouts, owner: workouts.userId, export: "rows", erase: "cascade", sync: false },
  { table: providerDailyTotals, owner: providerDailyTotals.userId, export: "rows", erase: "cascade", sync: false },
  { table: providerPriorities, owner: providerPriorities.userId, export: "rows", erase: "cascade", sync: false },
  { table: dailySummaries, owner: dailySummaries.userId, export: "rows", erase: "cascade", sync: false },
  { table: summaryRecomputes, owner: summaryRecomputes.userId, export: "none", erase: "cascade", sync: false },
  { table: syncRuns, owner: syncRuns.userId, export: "rows", erase: "cascade", sync: false },
  // analytics: derived by the recompute job, except the user's weights and marks on recommendations
  { table: energyScores, owner: energyScores.userId, export: "rows", erase: "cascade", sync: false },
  { table: scoreWeightOverrides, owner: scoreWeightOverrides.userId, export: "rows", erase: "cascade", sync: false },
  { table: correlations, owner: correlations.userId, export: "rows", erase: "cascade", sync: false },
  { table: forecasts, owner: forecasts.userId, export: "rows", erase: "cascade", sync: false },
  { table: forecastAccuracy, owner: forecastAccuracy.userId, export: "rows", erase: "cascade", sync: false },
  { table: riskFlags, owner: riskFlags.userId, export: "rows", erase: "cascade", sync: false },
  { table: recommendations, owner: recommendations.userId, export: "rows", erase: "cascade", sync: false },
  { table: aiRequests, owner: aiRequests.userId, export: "rows", erase: "cascade", sync: false },
  // audit: owned by the subject (whose data was read or acted on), who may see it in an export, without
  // the actor's address. Erasure detaches instead of deleting: an admin who read a user's reset link and
  // then erased the account must not erase the trace with it. The rows keep what they recorded (e.g. the
  // address a message went to) as a security record.
  { table: auditEvents, owner: auditEvents.subjectUserId, export: "rows", exportOmit: [auditEvents.ip], erase: "detach", sync: false },
  // imports: the uploaded bytes, kept only until the import finishes
  { table: fileImports, owner: fileImports.userId, export: "rows", erase: "cascade", sync: false },
  { table: fileImportChunks, owner: fileImportChunks.importId, ownedThrough: fileImports, export: "none", erase: "cascade", sync: false },
  // exports: the request and its progress; the file itself is in file storage under the user's prefix
  { table: dataExports, owner: dataExports.userId, export: "rows", erase: "cascade", sync: false },
  // notifications: the in-app list (an email held by quiet hours is a transport copy of the row itself)
  { table: notifications, owner: notifications.userId, export: "rows", exportOmit: [notifications.heldEmail], erase: "cascade", sync: false },
];
