"use client";

import Link from "next/link";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { NotificationSchedule } from "./notification-schedule";
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

/** Each switch saves at once; the list always shows what is stored. The times are a form of their own. */
export function NotificationSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data } = useSuspenseQuery(trpc.profile.notifications.get.queryOptions());
  const { data: profile } = useSuspenseQuery(trpc.profile.get.queryOptions());
  const update = useMutation(
    trpc.profile.notifications.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.profile.notifications.get.queryKey(), saved);
        toast({ title: "Notification preferences saved", variant: "success" });
      },
    }),
  );

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
          {update.isError ? <Alert variant="error">{update.error.message}</Alert> : null}
        </CardContent>
      </Card>
      <NotificationSchedule key={JSON.stringify([data.dailySummaryTime, data.weeklyReportDay, data.weeklyReportTime, data.quietHours])} saved={data} timeZone={profile.timeZone} />
    </div>
  );
}
