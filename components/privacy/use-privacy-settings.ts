"use client";

import type { PrivacyUpdate } from "@/server/account/privacy/settings";
import { useSyncedAction } from "@/components/profile/use-synced-action";
import { useSyncedRows } from "@/components/sync/hooks";
import { useToast } from "@/components/ui/toast";
import { privacyValuesOf } from "./privacy-view";

/** The privacy settings from this device's copy (undefined while it loads) and their update, which says `savedTitle` once it is on this device. */
export function usePrivacySettings(savedTitle: string) {
  const toast = useToast();
  const rows = useSyncedRows("privacy_settings");
  const update = useSyncedAction<PrivacyUpdate>("privacy.updateSettings", () => toast({ title: savedTitle, variant: "success" }));
  return { data: rows ? privacyValuesOf(rows[0]) : undefined, update };
}
