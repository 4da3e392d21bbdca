"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { useToast } from "@/components/ui/toast";
import { WEEKDAYS, type NotificationsUpdateInput } from "@/server/account/profile/inputs";
import { fieldErrorsOf, formErrorOf } from "./field-errors";
import { SettingSwitch } from "./setting-switch";
import { useSyncedAction } from "./use-synced-action";
import { useDraft } from "@/components/sync/use-draft";

export interface ScheduleValues {
  dailySummaryTime: string;
  weeklyReportDay: number;
  weeklyReportTime: string;
  quietHours: { start: string; end: string } | null;
}

const DEFAULT_QUIET_HOURS = { start: "22:00", end: "07:00" };

/** When the emails go out, and the quiet hours that hold them back; saved together with one button. Another device's change shows in the fields not edited here. */
export function NotificationSchedule({ saved, timeZone }: { saved: ScheduleValues; timeZone: string }) {
  const toast = useToast();
  const draft = useDraft(saved);
  const { values } = draft;
  const quietOn = values.quietHours !== null;
  // The span shown (and kept while quiet hours are off, to come back when they are turned on again).
  const [lastQuiet, setLastQuiet] = useState(saved.quietHours ?? DEFAULT_QUIET_HOURS);
  const quiet = values.quietHours ?? lastQuiet;
  const setQuiet = (span: { start: string; end: string }) => {
    setLastQuiet(span);
    draft.set("quietHours", span);
  };
  const dayId = useId();
  const update = useSyncedAction<NotificationsUpdateInput>("notifications.updatePreferences", () => toast({ title: "Notification times saved", variant: "success" }));
  const errors = fieldErrorsOf(update.error, { "quietHours.start": "quietStart", "quietHours.end": "quietEnd" });
  const formError = formErrorOf(update.error, errors);
  const { set } = draft;

  return (
    <Card>
      <CardHeader>
        <CardTitle>When</CardTitle>
        <CardDescription>Times are in your time zone ({timeZone}), and move with it when daylight saving time starts or ends.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-col gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            const schedule = { dailySummaryTime: values.dailySummaryTime, weeklyReportDay: values.weeklyReportDay, weeklyReportTime: values.weeklyReportTime, quietHours: values.quietHours };
            void update.mutateAsync(schedule).then(
              () => draft.settle(schedule),
              () => undefined,
            );
          }}
          noValidate
        >
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField
              label="Daily summary at"
              type="time"
              required
              value={values.dailySummaryTime}
              onChange={(e) => set("dailySummaryTime", e.target.value)}
              error={errors.dailySummaryTime}
              hint="Sent in the hour after this time."
            />
            <div className="flex flex-col gap-1.5">
              <Label htmlFor={dayId}>Weekly report on</Label>
              <select
                id={dayId}
                value={values.weeklyReportDay}
                onChange={(e) => set("weeklyReportDay", Number(e.target.value))}
                aria-invalid={errors.weeklyReportDay ? true : undefined}
                className="flex h-10 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:border-zinc-700 dark:bg-zinc-900"
              >
                {WEEKDAYS.map((day, i) => (
                  <option key={day} value={i + 1}>
                    {day}
                  </option>
                ))}
              </select>
              {errors.weeklyReportDay ? <p className="text-xs text-red-600 dark:text-red-400">{errors.weeklyReportDay}</p> : null}
            </div>
            <FormField label="Weekly report at" type="time" required value={values.weeklyReportTime} onChange={(e) => set("weeklyReportTime", e.target.value)} error={errors.weeklyReportTime} />
          </div>
          <div className="border-t border-zinc-200 dark:border-zinc-800">
            <SettingSwitch
              label="Quiet hours"
              description="No notification emails in these hours; what comes in is emailed when they end. The in-app list gets it at once."
              checked={quietOn}
              onCheckedChange={(on) => set("quietHours", on ? quiet : null)}
            />
            {quietOn ? (
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField label="From" type="time" required value={quiet.start} onChange={(e) => setQuiet({ ...quiet, start: e.target.value })} error={errors.quietStart} />
                <FormField label="Until" type="time" required value={quiet.end} onChange={(e) => setQuiet({ ...quiet, end: e.target.value })} error={errors.quietEnd} hint="An end before the start runs past midnight." />
              </div>
            ) : null}
          </div>
          {formError ? <Alert variant="error">{formError}</Alert> : null}
          <div>
            <Button type="submit" pending={update.isPending}>
              Save times
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
