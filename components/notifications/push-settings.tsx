"use client";

import { SettingSwitch } from "@/components/profile/setting-switch";
import { SettingsSkeleton } from "@/components/profile/settings-skeleton";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useNotificationPreferences } from "@/components/profile/use-notification-preferences";
import { PushDevices } from "./push-devices";

type PushKey = "pushDailySummary" | "pushRecoveryAlerts" | "pushWeeklyReport";

const PUSH_KINDS: readonly { key: PushKey; label: string; description: string }[] = [
  { key: "pushDailySummary", label: "Daily summary", description: "Your energy score when the daily summary is ready." },
  { key: "pushRecoveryAlerts", label: "Recovery alerts", description: "At once when a sign to watch appears (sent with high priority)." },
  { key: "pushWeeklyReport", label: "Weekly report", description: "When your week's report is ready." },
];

/**
 * Web Push: the devices that get it and, per kind, whether it is pushed. Quiet hours hold pushes
 * back like emails. A kind that is on is pushed only once a device is subscribed.
 */
export function PushSettings() {
  const { data, profile, update } = useNotificationPreferences("Push preferences saved");
  if (!data || !profile) return <SettingsSkeleton label="Loading push settings" />;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Push notifications</CardTitle>
        <CardDescription>
          Notifications on your phone or computer, also when BioSync is closed. They follow your quiet hours: anything due in them arrives when they end.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <PushDevices timeZone={profile.timeZone} />
        <div className="divide-y divide-zinc-200 dark:divide-zinc-800" role="group" aria-label="What is pushed">
          {PUSH_KINDS.map((kind) => {
            const pending = update.isPending && update.variables?.[kind.key] !== undefined;
            return (
              <SettingSwitch
                key={kind.key}
                label={`Push: ${kind.label}`}
                description={kind.description}
                checked={pending ? Boolean(update.variables?.[kind.key]) : data[kind.key]}
                disabled={update.isPending}
                onCheckedChange={(checked) => update.mutate({ [kind.key]: checked })}
              />
            );
          })}
        </div>
        {update.message ? <Alert variant="error">{update.message}</Alert> : null}
      </CardContent>
    </Card>
  );
}
