import { markRecommendationSync } from "../health/analytics/recommendations/sync";
import { deleteJournalEntry, saveJournalEntry } from "../health/journal/sync";
import { updatePrivacySettingsSync } from "../account/privacy/sync";
import { updateNotificationPreferencesSync, updateProfilePreferences } from "../account/profile/sync";
import type { ServerMutator } from "./mutators";

/** The server side of every mutation in mutations.ts (a test checks the two lists agree). */
export const serverMutators: readonly ServerMutator[] = [
  saveJournalEntry,
  deleteJournalEntry,
  updateProfilePreferences,
  updateNotificationPreferencesSync,
  updatePrivacySettingsSync,
  markRecommendationSync,
] as unknown as readonly ServerMutator[];

const byName = new Map(serverMutators.map((m) => [m.def.name, m]));
export const serverMutatorOf = (name: string): ServerMutator | undefined => byName.get(name);
