import { describe, expect, it } from "vitest";
import { PRIVACY_POLICY_VERSION } from "@/server/account/privacy/policy";
import { privacyValuesOf } from "./privacy-view";

describe("privacyValuesOf", () => {
  it("reads the synced row: consents with their change times, the retention", () => {
    const view = privacyValuesOf({ share_anonymous_data: true, share_anonymous_data_changed_at: "2026-12-01T10:00:00.123456+00:00", research_opt_in: false, research_opt_in_changed_at: null, raw_payload_retention_days: 90, version: 7 });
    expect(view).toEqual({
      shareAnonymousData: true,
      shareAnonymousDataChangedAt: new Date("2026-12-01T10:00:00.123Z"),
      researchOptIn: false,
      researchOptInChangedAt: null,
      rawPayloadRetentionDays: 90,
      policyVersion: PRIVACY_POLICY_VERSION,
      version: 7,
    });
  });

  it("reads a row not synced yet as both off, kept forever", () => {
    expect(privacyValuesOf(undefined)).toMatchObject({ shareAnonymousData: false, researchOptIn: false, rawPayloadRetentionDays: null, shareAnonymousDataChangedAt: null, version: null });
  });
});
