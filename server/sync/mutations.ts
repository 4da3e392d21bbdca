import { markRecommendationMutation } from "../health/analytics/recommendations/sync-mutations";
import { deleteJournalEntryMutation, saveJournalEntryMutation } from "../health/journal/sync-mutations";
import { updatePrivacySettingsMutation } from "../account/privacy/sync-mutations";
import { updateNotificationPreferencesMutation, updateProfilePreferencesMutation } from "../account/profile/sync-mutations";
import type { MutationDef } from "./define";

/** Every mutation a device may queue (client-safe). A new synced module adds its definitions here. */
export const mutationDefs = [
  saveJournalEntryMutation,
  deleteJournalEntryMutation,
  updateProfilePreferencesMutation,
  updateNotificationPreferencesMutation,
  updatePrivacySettingsMutation,
  markRecommendationMutation,
] as const;

export type MutationName = (typeof mutationDefs)[number]["name"];
type DefOf<N extends MutationName> = Extract<(typeof mutationDefs)[number], { name: N }>;
export type MutationArgs<N extends MutationName> = DefOf<N> extends MutationDef<infer A> ? A : never;

const byName = new Map<string, MutationDef>(mutationDefs.map((def) => [def.name, def as unknown as MutationDef]));
export const mutationDef = (name: string): MutationDef | undefined => byName.get(name);
