"use client";

import type { NotificationsUpdateInput } from "@/server/account/profile/inputs";
import { useSyncedRows } from "@/components/sync/hooks";
import { useToast } from "@/components/ui/toast";
import { notificationValuesOf, profilePreferencesOf } from "./synced-settings";
import { useSyncedAction } from "./use-synced-action";

/**
 * The notification preferences and the profile's preferences (for its time zone) from this device's
 * copy (undefined while it loads), and the update that saves some of them, saying `savedTitle` once
 * they are on this device: the email and the push settings both edit these.
 */
export function useNotificationPreferences(savedTitle: string) {
  const toast = useToast();
  const notifications = useSyncedRows("notification_preferences");
  const profiles = useSyncedRows("profiles");
  const update = useSyncedAction<NotificationsUpdateInput>("notifications.updatePreferences", () => toast({ title: savedTitle, variant: "success" }));
  const ready = notifications !== undefined && profiles !== undefined;
  return { data: ready ? notificationValuesOf(notifications[0]) : undefined, profile: ready ? profilePreferencesOf(profiles[0]) : undefined, update };
}
