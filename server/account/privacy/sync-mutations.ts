import { defineMutation, presentFields, updateOf } from "../../sync/define";
import { privacyUpdateInput } from "./schemas";

export const updatePrivacySettingsMutation = defineMutation({
  name: "privacy.updateSettings",
  table: "privacy_settings",
  kind: "put",
  args: privacyUpdateInput,
  locate: () => ({}),
  fields: presentFields,
  argsOf: (_locator, fields) => privacyUpdateInput.parse(updateOf(fields)),
  label: {
    row: () => "Privacy settings",
    fields: { share_anonymous_data: "Share anonymous data", research_opt_in: "Research studies", raw_payload_retention_days: "Keep raw provider data" },
  },
});
