"use client";

import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SettingsSkeleton } from "@/components/profile/settings-skeleton";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import { usePrivacySettings } from "./use-privacy-settings";

const CHOICES = [
  { value: "forever", days: null, title: "Keep forever", description: "Nothing is removed; a provider's original record stays available." },
  { value: "30", days: 30, title: "30 days", description: "Original records are removed a month after they arrive." },
  { value: "90", days: 90, title: "90 days", description: "Original records are removed three months after they arrive." },
  { value: "365", days: 365, title: "365 days", description: "Original records are removed a year after they arrive." },
] as const;

/** How long the original payloads from wearables are kept; the normalized data is never affected. */
export function RawRetentionSetting() {
  const id = useId();
  const { data, update } = usePrivacySettings("Retention saved");
  if (!data) return <SettingsSkeleton label="Loading the retention setting" rows={2} />;
  const days = update.isPending ? (update.variables?.rawPayloadRetentionDays ?? null) : data.rawPayloadRetentionDays;
  const current = CHOICES.find((c) => c.days === days) ?? CHOICES[0];

  return (
    <Card>
      <CardHeader>
        <CardTitle id={`${id}-title`}>Raw device data</CardTitle>
        <CardDescription>
          Each reading from a wearable arrives as the provider&apos;s original record, which BioSync keeps next to the values it takes from it. Choose how long
          those originals are kept. Your sleep, heart, activity and scores stay either way; removed originals cannot be re-read if a provider&apos;s format is
          later understood better. Removal runs once a day.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <RadioGroup
          aria-labelledby={`${id}-title`}
          value={current.value}
          disabled={update.isPending}
          onValueChange={(value) => update.mutate({ rawPayloadRetentionDays: CHOICES.find((c) => c.value === value)?.days ?? null })}
          className="grid gap-2 sm:grid-cols-2"
        >
          {CHOICES.map((choice) => (
            <RadioCard key={choice.value} id={`${id}-${choice.value}`} value={choice.value} title={choice.title} description={choice.description} />
          ))}
        </RadioGroup>
        {update.message ? <Alert variant="error">{update.message}</Alert> : null}
      </CardContent>
    </Card>
  );
}
