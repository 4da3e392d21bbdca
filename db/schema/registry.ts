import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { aiRequests, correlations, energyScores, forecastAccuracy, forecasts, recommendations, riskFlags, scoreWeightOverrides } from "./analytics";
import { auditEvents } from "./audit";
import { authAccounts, authSessions, authTokens, users } from "./auth";
import { emailOutbox } from "./email";
import { dataExports } from "./exports";
import { weeklyReports } from "./reports";
import { fileImportChunks, fileImports } from "./imports";
import { journalEntries, journalEntryTags, journalTags } from "./journal";
import { oauthStates, providerConnections, syncRuns } from "./devices";
import { rawRecords, webhookDeliveries } from "./ingestion";
import { dailySummaries, providerDailyTotals, providerPriorities, seriesChunks, sleepSessions, summaryRecomputes, workouts } from "./timeseries";
import { notifications } from "./notifications";
import { subscriptions, usageCounters } from "./plans";
import { organizationInvites, organizationMembers, organizations, scoreShares } from "./teams";
import { notificationPreferences, privacySettings, profiles } from "./profile";
import { accountDeletions, consentRecords } from "./privacy";
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

/**
 * What importing a BioSync archive ("Download all my data") into another, empty account does with a
 * table's rows (server/account/privacy/archive/import.ts):
 * - "rows": inserted for the importing user; uuid keys get new ids and every reference follows them;
 * - "replace": the user's settings (one row, or a few): the importing user's rows give way to the archive's;
 * - `{ update }`: only these columns of the importing user's own row (the users table: name, picture);
 * - "none": identity, credentials, sign-in and transport state of the exporting account (sessions, linked
 *   sign-ins, two-factor, mail sent, provider links whose tokens never leave, the audit trail, uploads and
 *   export files that are not in the archive): the importing account keeps its own.
 */
export type ImportRule = "rows" | "replace" | "none" | { update: readonly PgColumn[] };

/**
 * A column holding the uuid key of a row of another registered table without a foreign key: the row
 * may be gone on purpose (raw payloads pruned) or the column holds a sentinel (NO_ORIGIN). An import
 * maps it like a foreign key; the nil uuid stays as it is.
 */
export interface UnenforcedReference {
  column: PgColumn;
  to: PgTable;
}

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
  import: ImportRule;
  unenforcedReferences?: readonly UnenforcedReference[];
  /** Whether offline-first sync carries the table (a synced table has `updated_at`). */
  sync: boolean;
}

/**
 * Every table that holds a user's data, one line each, grouped by schema file. Export-all, erasure,
 * sync and the cross-user test walk this list; a test fails when a table with `user_id` is missing.
 * A new domain adds its tables here and nothing else.
 */
export const userDataTables: readonly UserDataTable[] = [
  // auth: the account's identity and sign-ins stay with it; an import only carries the name over
  { table: users, owner: users.id, export: "rows", exportOmit: [users.passwordHash], erase: "delete", import: { update: [users.name, users.image] }, sync: false },
  { table: authSessions, owner: authSessions.userId, export: "rows", erase: "cascade", import: "none", sync: false },
  { table: authTokens, owner: authTokens.userId, export: "none", erase: "cascade", import: "none", sync: false },
  { table: authAccounts, owner: authAccounts.userId, export: "rows", erase: "cascade", import: "none", sync: false },
  // two-factor: secrets and protocol state are not exported
  { table: totpCredentials, owner: totpCredentials.userId, export: "rows", exportOmit: [totpCredentials.secretEnc], erase: "cascade", import: "none", sync: false },
  { table: recoveryCodes, owner: recoveryCodes.userId, export: "none", erase: "cascade", import: "none", sync: false },
  { table: passkeys, owner: passkeys.userId, export: "rows", exportOmit: [passkeys.publicKey], erase: "cascade", import: "none", sync: false },
  { table: signInTickets, owner: signInTickets.userId, export: "none", erase: "cascade", import: "none", sync: false },
  { table: webauthnChallenges, owner: webauthnChallenges.userId, export: "none", erase: "cascade", import: "none", sync: false },
  // email: the outbox keeps a row when its user goes (set null), so erasure deletes the user's mail itself
  { table: emailOutbox, owner: emailOutbox.userId, export: "rows", erase: "delete", import: "none", sync: false },
  // profile: settings, replaced on import (the new account has its defaults already)
  { table: profiles, owner: profiles.userId, export: "rows", erase: "cascade", import: "replace", sync: false },
  { table: notificationPreferences, owner: notificationPreferences.userId, export: "rows", erase: "cascade", import: "replace", sync: false },
  { table: privacySettings, owner: privacySettings.userId, export: "rows", erase: "cascade", import: "replace", sync: false },
  // privacy: consent decisions (the user's history, kept on import) and a deletion request (its receipt address is kept only until the erasure)
  { table: consentRecords, owner: consentRecords.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  { table: accountDeletions, owner: accountDeletions.userId, export: "rows", erase: "cascade", import: "none", sync: false },
  // integrations: the health data is imported; connections, OAuth and webhook state belong to the old account
  {
    table: providerConnections,
    owner: providerConnections.userId,
    export: "rows",
    exportOmit: [providerConnections.accessTokenEnc, providerConnections.refreshTokenEnc],
    erase: "cascade",
    // A provider account feeds one live link, and its tokens never leave: the new account connects again.
    import: "none",
    sync: false,
  },
  { table: oauthStates, owner: oauthStates.userId, export: "none", erase: "cascade", import: "none", sync: false },
  { table: webhookDeliveries, owner: webhookDeliveries.userId, export: "none", erase: "cascade", import: "none", sync: false },
  { table: rawRecords, owner: rawRecords.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  { table: seriesChunks, owner: seriesChunks.userId, export: "rows", erase: "cascade", import: "rows", unenforcedReferences: [{ column: seriesChunks.origin, to: rawRecords }], sync: false },
  { table: sleepSessions, owner: sleepSessions.userId, export: "rows", erase: "cascade", import: "rows", unenforcedReferences: [{ column: sleepSessions.rawRecordId, to: rawRecords }], sync: false },
  { table: workouts, owner: workouts.userId, export: "rows", erase: "cascade", import: "rows", unenforcedReferences: [{ column: workouts.rawRecordId, to: rawRecords }], sync: false },
  { table: providerDailyTotals, owner: providerDailyTotals.userId, export: "rows", erase: "cascade", import: "rows", unenforcedReferences: [{ column: providerDailyTotals.rawRecordId, to: rawRecords }], sync: false },
  { table: providerPriorities, owner: providerPriorities.userId, export: "rows", erase: "cascade", import: "replace", sync: false },
  { table: dailySummaries, owner: dailySummaries.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  { table: summaryRecomputes, owner: summaryRecomputes.userId, export: "none", erase: "cascade", import: "none", sync: false },
  { table: syncRuns, owner: syncRuns.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  // analytics: derived by the recompute job, except the user's weights and marks on recommendations
  { table: energyScores, owner: energyScores.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  { table: scoreWeightOverrides, owner: scoreWeightOverrides.userId, export: "rows", erase: "cascade", import: "replace", sync: false },
  { table: correlations, owner: correlations.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  { table: forecasts, owner: forecasts.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  { table: forecastAccuracy, owner: forecastAccuracy.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  { table: riskFlags, owner: riskFlags.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  { table: recommendations, owner: recommendations.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  { table: aiRequests, owner: aiRequests.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  // audit: owned by the subject (whose data was read or acted on), who may see it in an export, without
  // the actor's address. Erasure detaches instead of deleting: an admin who read a user's reset link and
  // then erased the account must not erase the trace with it. The rows keep what they recorded (e.g. the
  // address a message went to) as a security record.
  { table: auditEvents, owner: auditEvents.subjectUserId, export: "rows", exportOmit: [auditEvents.ip], erase: "detach", import: "none", sync: false },
  // imports and exports are bookkeeping of files that are not in the archive: not imported
  // imports: the uploaded bytes, kept only until the import finishes
  { table: fileImports, owner: fileImports.userId, export: "rows", erase: "cascade", import: "none", sync: false },
  { table: fileImportChunks, owner: fileImportChunks.importId, ownedThrough: fileImports, export: "none", erase: "cascade", import: "none", sync: false },
  // exports: the request and its progress; the file itself is in file storage under the user's prefix
  { table: dataExports, owner: dataExports.userId, export: "rows", erase: "cascade", import: "none", sync: false },
  // reports: frozen weekly figures, made by the weekly job or on request; an imported account keeps them as made
  { table: weeklyReports, owner: weeklyReports.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  // journal: what the user writes; notes_enc stays encrypted here (an archive decrypts it for the user's own copy)
  { table: journalEntries, owner: journalEntries.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  { table: journalTags, owner: journalTags.userId, export: "rows", erase: "cascade", import: "rows", sync: false },
  { table: journalEntryTags, owner: journalEntryTags.entryId, ownedThrough: journalEntries, export: "rows", erase: "cascade", import: "rows", sync: false },
  // notifications: the in-app list, like mail sent: an imported account keeps its own (an email held by quiet hours is a copy of the row)
  { table: notifications, owner: notifications.userId, export: "rows", exportOmit: [notifications.heldEmail], erase: "cascade", import: "none", sync: false },
  // plans: what the user pays for (Stripe's copy is the source of truth; an imported account starts on its own plan) and today's metered use
  { table: subscriptions, owner: subscriptions.userId, export: "rows", exportOmit: [subscriptions.stripeCustomerId, subscriptions.stripeSubscriptionId], erase: "cascade", import: "none", sync: false },
  { table: usageCounters, owner: usageCounters.userId, export: "rows", erase: "cascade", import: "none", sync: false },
  // teams: an organization is its creator's (the one owner; ownership does not move), so erasing the owner
  // dissolves it: its memberships, invites and shares go with it, while each member keeps their own data (scores
  // were shown, never copied). A member's erasure removes their membership and shares; the organization stays.
  // Invites are the inviter's rows (the invited address is theirs to know), without the token hash. None of it is
  // imported: an organization is a relationship with other people, not data an archive can carry to a new account.
  { table: organizations, owner: organizations.createdByUserId, export: "rows", erase: "cascade", import: "none", sync: false },
  { table: organizationMembers, owner: organizationMembers.userId, export: "rows", erase: "cascade", import: "none", sync: false },
  { table: organizationInvites, owner: organizationInvites.invitedByUserId, export: "rows", exportOmit: [organizationInvites.tokenHash], erase: "cascade", import: "none", sync: false },
  { table: scoreShares, owner: scoreShares.memberUserId, export: "rows", erase: "cascade", import: "none", sync: false },
];
