"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useNotificationPreferences } from "./use-notification-preferences";
import { NotificationSchedule } from "./notification-schedule";
import { SettingsSkeleton } from "./settings-skeleton";
import { SettingSwitch } from "./setting-switch";

type PreferenceKey = "dailySummary" | "recoveryAlerts" | "weeklyReport" | "marketing";

const PREFERENCES: readonly {
  key: PreferenceKey;
  label: string;
  description: string;
}[] = [
  {
    key: "dailySummary",
    label: "Daily summary",
    description: "A morning email with your energy score, what moved it and your key numbers.",
  },
  {
    key: "recoveryAlerts",
    label: "Recovery alerts",
    description: "An email when a sign to watch appears, such as a resting heart rate well above your normal.",
  },
  {
    key: "weeklyReport",
    label: "Weekly report",
    description: "Your week in sleep, heart and activity, on the day you choose below.",
  },
  {
    key: "marketing",
    label: "Product news",
    description: "Occasional news about BioSync features. Never shared with anyone else.",
  },
];

/** Each switch saves at once (on this device, sent when online); the list shows this device's copy. The times are a form of their own. */
export function NotificationSettings() {
  const { data, profile, update } = useNotificationPreferences("Notification preferences saved");
  if (!data || !profile) return <SettingsSkeleton label="Loading notification settings" />;

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Email notifications</CardTitle>
          <CardDescription>
            Choose which emails BioSync sends you. Every notification also shows in your{" "}
            <Link href="/notifications" className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
              notification list
            </Link>
            , whatever you choose here. Account and security emails are always sent.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <div className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {PREFERENCES.map((preference) => {
              const pending = update.isPending && update.variables?.[preference.key] !== undefined;
              return (
                <SettingSwitch
                  key={preference.key}
                  label={preference.label}
                  description={preference.description}
                  checked={pending ? Boolean(update.variables?.[preference.key]) : data[preference.key]}
                  disabled={update.isPending}
                  onCheckedChange={(checked) => update.mutate({ [preference.key]: checked })}
                />
              );
            })}
          </div>
          {update.message ? <Alert variant="error">{update.message}</Alert> : null}
        </CardContent>
      </Card>
      <NotificationSchedule saved={data} timeZone={profile.timeZone} />
    </div>
  );
}
