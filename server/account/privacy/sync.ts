import { settingsMutator } from "../../sync/settings-mutator";
import { getPrivacySettings, updatePrivacySettings } from "./settings";
import { updatePrivacySettingsMutation } from "./sync-mutations";

export const updatePrivacySettingsSync = settingsMutator(updatePrivacySettingsMutation, {
  read: getPrivacySettings,
  write: (db, context, args) => updatePrivacySettings(db, context.userId, args),
});
