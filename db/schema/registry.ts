import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { aiRequests, correlations, energyScores, forecastAccuracy, forecasts, recommendations, riskFlags, scoreWeightOverrides } from "./analytics";
import { apiTokens } from "./api-tokens";
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
import { pushDeliveries, pushSubscriptions } from "./push";
import { subscriptions, usageCounters } from "./plans";
import { organizationInvites, organizationMembers, organizations, scoreShares } from "./teams";
import { notificationPreferences, privacySettings, profiles } from "./profile";
import { accountDeletions, consentRecords } from "./privacy";
import { syncClientGroups, syncClients, syncConflicts, syncCounters, syncFieldClocks, syncRejections, syncTombstones } from "./sync";
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

export interface ServerOnly {
  serverOnly: string;
}

/** Why a table stays on the server: sync carries what a user writes on a device, and nothing a device must not hold. */
export const serverOnly = {
  identity: { serverOnly: "identity, credentials and sign-in state: never held on a device" },
  mail: { serverOnly: "messages the server sent (mail, in-app, push): read online, written only by the server" },
  consent: { serverOnly: "consent history and deletion requests are legal records: given online, where the server dates them" },
  providerData: { serverOnly: "wearable data: written by providers and imports, read-only on clients (never pushed)" },
  derived: { serverOnly: "derived by jobs from the health data (or the score weights those jobs read), changed online" },
  files: { serverOnly: "bookkeeping of uploads, export files and the audit trail" },
  plans: { serverOnly: "what the user pays for and has used: decided by the server and Stripe" },
  shared: { serverOnly: "relationships with other accounts (organizations, invites, shares): decided online" },
  protocol: { serverOnly: "the sync protocol's own state" },
} satisfies Record<string, ServerOnly>;

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
  /**
   * `true`: offline-first sync carries the table to the user's devices (it has syncColumns, a trigger
   * stamps its writes, server/sync pulls it). Otherwise why it stays on the server.
   */
  sync: true | ServerOnly;
}

/**
 * Every table that holds a user's data, one line each, grouped by schema file. Export-all, erasure,
 * sync and the cross-user test walk this list; a test fails when a table with `user_id` is missing.
 * A new domain adds its tables here and nothing else.
 */
export const userDataTables: readonly UserDataTable[] = [
  // auth: the account's identity and sign-ins stay with it; an import only carries the name over
  { table: users, owner: users.id, export: "rows", exportOmit: [users.passwordHash], erase: "delete", import: { update: [users.name, users.image] }, sync: serverOnly.identity },
  { table: authSessions, owner: authSessions.userId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.identity },
  { table: authTokens, owner: authTokens.userId, export: "none", erase: "cascade", import: "none", sync: serverOnly.identity },
  { table: authAccounts, owner: authAccounts.userId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.identity },
  // two-factor: secrets and protocol state are not exported
  { table: totpCredentials, owner: totpCredentials.userId, export: "rows", exportOmit: [totpCredentials.secretEnc], erase: "cascade", import: "none", sync: serverOnly.identity },
  { table: recoveryCodes, owner: recoveryCodes.userId, export: "none", erase: "cascade", import: "none", sync: serverOnly.identity },
  { table: passkeys, owner: passkeys.userId, export: "rows", exportOmit: [passkeys.publicKey], erase: "cascade", import: "none", sync: serverOnly.identity },
  { table: signInTickets, owner: signInTickets.userId, export: "none", erase: "cascade", import: "none", sync: serverOnly.identity },
  { table: webauthnChallenges, owner: webauthnChallenges.userId, export: "none", erase: "cascade", import: "none", sync: serverOnly.identity },
  // email: the outbox keeps a row when its user goes (set null), so erasure deletes the user's mail itself
  { table: emailOutbox, owner: emailOutbox.userId, export: "rows", erase: "delete", import: "none", sync: serverOnly.mail },
  // profile: settings, replaced on import (the new account has its defaults already)
  { table: profiles, owner: profiles.userId, export: "rows", erase: "cascade", import: "replace", sync: true },
  { table: notificationPreferences, owner: notificationPreferences.userId, export: "rows", erase: "cascade", import: "replace", sync: true },
  { table: privacySettings, owner: privacySettings.userId, export: "rows", erase: "cascade", import: "replace", sync: true },
  // privacy: consent decisions (the user's history, kept on import) and a deletion request (its receipt address is kept only until the erasure)
  { table: consentRecords, owner: consentRecords.userId, export: "rows", erase: "cascade", import: "rows", sync: serverOnly.consent },
  { table: accountDeletions, owner: accountDeletions.userId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.consent },
  // integrations: the health data is imported; connections, OAuth and webhook state belong to the old account
  {
    table: providerConnections,
    owner: providerConnections.userId,
    export: "rows",
    exportOmit: [providerConnections.accessTokenEnc, providerConnections.refreshTokenEnc],
    erase: "cascade",
    // A provider account feeds one live link, and its tokens never leave: the new account connects again.
    import: "none",
    sync: serverOnly.providerData,
  },
  { table: oauthStates, owner: oauthStates.userId, export: "none", erase: "cascade", import: "none", sync: serverOnly.providerData },
  { table: webhookDeliveries, owner: webhookDeliveries.userId, export: "none", erase: "cascade", import: "none", sync: serverOnly.providerData },
  { table: rawRecords, owner: rawRecords.userId, export: "rows", erase: "cascade", import: "rows", sync: serverOnly.providerData },
  { table: seriesChunks, owner: seriesChunks.userId, export: "rows", erase: "cascade", import: "rows", unenforcedReferences: [{ column: seriesChunks.origin, to: rawRecords }], sync: serverOnly.providerData },
  { table: sleepSessions, owner: sleepSessions.userId, export: "rows", erase: "cascade", import: "rows", unenforcedReferences: [{ column: sleepSessions.rawRecordId, to: rawRecords }], sync: serverOnly.providerData },
  { table: workouts, owner: workouts.userId, export: "rows", erase: "cascade", import: "rows", unenforcedReferences: [{ column: workouts.rawRecordId, to: rawRecords }], sync: serverOnly.providerData },
  { table: providerDailyTotals, owner: providerDailyTotals.userId, export: "rows", erase: "cascade", import: "rows", unenforcedReferences: [{ column: providerDailyTotals.rawRecordId, to: rawRecords }], sync: serverOnly.providerData },
  { table: providerPriorities, owner: providerPriorities.userId, export: "rows", erase: "cascade", import: "replace", sync: serverOnly.providerData },
  { table: dailySummaries, owner: dailySummaries.userId, export: "rows", erase: "cascade", import: "rows", sync: serverOnly.providerData },
  { table: summaryRecomputes, owner: summaryRecomputes.userId, export: "none", erase: "cascade", import: "none", sync: serverOnly.providerData },
  { table: syncRuns, owner: syncRuns.userId, export: "rows", erase: "cascade", import: "rows", sync: serverOnly.providerData },
  // analytics: derived by the recompute job, except the user's weights and marks on recommendations
  { table: energyScores, owner: energyScores.userId, export: "rows", erase: "cascade", import: "rows", sync: serverOnly.derived },
  { table: scoreWeightOverrides, owner: scoreWeightOverrides.userId, export: "rows", erase: "cascade", import: "replace", sync: serverOnly.derived },
  { table: correlations, owner: correlations.userId, export: "rows", erase: "cascade", import: "rows", sync: serverOnly.derived },
  { table: forecasts, owner: forecasts.userId, export: "rows", erase: "cascade", import: "rows", sync: serverOnly.derived },
  { table: forecastAccuracy, owner: forecastAccuracy.userId, export: "rows", erase: "cascade", import: "rows", sync: serverOnly.derived },
  { table: riskFlags, owner: riskFlags.userId, export: "rows", erase: "cascade", import: "rows", sync: serverOnly.derived },
  { table: recommendations, owner: recommendations.userId, export: "rows", erase: "cascade", import: "rows", sync: true },
  { table: aiRequests, owner: aiRequests.userId, export: "rows", erase: "cascade", import: "rows", sync: serverOnly.derived },
  // audit: owned by the subject (whose data was read or acted on), who may see it in an export, without
  // the actor's address. Erasure detaches instead of deleting: an admin who read a user's reset link and
  // then erased the account must not erase the trace with it. The rows keep what they recorded (e.g. the
  // address a message went to) as a security record.
  { table: auditEvents, owner: auditEvents.subjectUserId, export: "rows", exportOmit: [auditEvents.ip], erase: "detach", import: "none", sync: serverOnly.files },
  // imports and exports are bookkeeping of files that are not in the archive: not imported
  // imports: the uploaded bytes, kept only until the import finishes
  { table: fileImports, owner: fileImports.userId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.files },
  { table: fileImportChunks, owner: fileImportChunks.importId, ownedThrough: fileImports, export: "none", erase: "cascade", import: "none", sync: serverOnly.files },
  // exports: the request and its progress; the file itself is in file storage under the user's prefix
  { table: dataExports, owner: dataExports.userId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.files },
  // reports: frozen weekly figures, made by the weekly job or on request; an imported account keeps them as made
  { table: weeklyReports, owner: weeklyReports.userId, export: "rows", erase: "cascade", import: "rows", sync: serverOnly.derived },
  // journal: what the user writes; notes_enc stays encrypted here (an archive decrypts it for the user's own copy)
  { table: journalEntries, owner: journalEntries.userId, export: "rows", erase: "cascade", import: "rows", sync: true },
  { table: journalTags, owner: journalTags.userId, export: "rows", erase: "cascade", import: "rows", sync: true },
  { table: journalEntryTags, owner: journalEntryTags.entryId, ownedThrough: journalEntries, export: "rows", erase: "cascade", import: "rows", sync: true },
  // notifications: the in-app list, like mail sent: an imported account keeps its own (an email held by quiet hours is a copy of the row)
  { table: notifications, owner: notifications.userId, export: "rows", exportOmit: [notifications.heldEmail], erase: "cascade", import: "none", sync: serverOnly.mail },
  // push: the devices a user subscribed (their keys never leave; a browser subscribes again on a new account) and which notification reached which
  { table: pushSubscriptions, owner: pushSubscriptions.userId, export: "rows", exportOmit: [pushSubscriptions.p256dh, pushSubscriptions.auth], erase: "cascade", import: "none", sync: serverOnly.identity },
  { table: pushDeliveries, owner: pushDeliveries.subscriptionId, ownedThrough: pushSubscriptions, export: "none", erase: "cascade", import: "none", sync: serverOnly.mail },
  // plans: what the user pays for (Stripe's copy is the source of truth; an imported account starts on its own plan) and today's metered use
  { table: subscriptions, owner: subscriptions.userId, export: "rows", exportOmit: [subscriptions.stripeCustomerId, subscriptions.stripeSubscriptionId], erase: "cascade", import: "none", sync: serverOnly.plans },
  { table: usageCounters, owner: usageCounters.userId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.plans },
  // teams: an organization is its creator's (the one owner; ownership does not move), so erasing the owner
  // dissolves it: its memberships, invites and shares go with it, while each member keeps their own data (scores
  // were shown, never copied). A member's erasure removes their membership and shares; the organization stays.
  // Invites are the inviter's rows (the invited address is theirs to know), without the token hash. None of it is
  // imported: an organization is a relationship with other people, not data an archive can carry to a new account.
  { table: organizations, owner: organizations.createdByUserId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.shared },
  { table: organizationMembers, owner: organizationMembers.userId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.shared },
  { table: organizationInvites, owner: organizationInvites.invitedByUserId, export: "rows", exportOmit: [organizationInvites.tokenHash], erase: "cascade", import: "none", sync: serverOnly.shared },
  { table: scoreShares, owner: scoreShares.memberUserId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.shared },
  // api tokens: credentials of this account (the hash never leaves; an imported account makes its own)
  { table: apiTokens, owner: apiTokens.userId, export: "rows", exportOmit: [apiTokens.tokenHash], erase: "cascade", import: "none", sync: serverOnly.identity },
  // sync: the protocol's state per user and device; the conflicts (values a device lost) are the user's to see in an export
  { table: syncCounters, owner: syncCounters.userId, export: "none", erase: "cascade", import: "none", sync: serverOnly.protocol },
  { table: syncClientGroups, owner: syncClientGroups.userId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.protocol },
  { table: syncClients, owner: syncClients.userId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.protocol },
  { table: syncTombstones, owner: syncTombstones.userId, export: "none", erase: "cascade", import: "none", sync: serverOnly.protocol },
  { table: syncFieldClocks, owner: syncFieldClocks.userId, export: "none", erase: "cascade", import: "none", sync: serverOnly.protocol },
  { table: syncConflicts, owner: syncConflicts.userId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.protocol },
  { table: syncRejections, owner: syncRejections.userId, export: "rows", erase: "cascade", import: "none", sync: serverOnly.protocol },
];
