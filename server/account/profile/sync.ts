import { settingsMutator } from "../../sync/settings-mutator";
import { ensureProfile, getNotificationPreferences, updateNotificationPreferences, updateProfile } from "./service";
import { updateNotificationPreferencesMutation, updateProfilePreferencesMutation } from "./sync-mutations";

export const updateProfilePreferences = settingsMutator(updateProfilePreferencesMutation, {
  read: ensureProfile,
  write: (db, context, args) => updateProfile(db, context.userId, args),
});

export const updateNotificationPreferencesSync = settingsMutator(updateNotificationPreferencesMutation, {
  read: getNotificationPreferences,
  write: (db, context, args) => updateNotificationPreferences(db, context.userId, args),
});
