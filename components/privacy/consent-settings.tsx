"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SettingSwitch } from "@/components/profile/setting-switch";
import { SettingsSkeleton } from "@/components/profile/settings-skeleton";
import { formatDateTime } from "@/components/ui/time-format";
import { ConsentHistory } from "./consent-history";
import { CONSENTS } from "./consent-labels";
import { usePrivacySettings } from "./use-privacy-settings";

/**
 * The user's consents; each change is saved at once on this device and stamped by the server with its
 * time and the policy version when it arrives there (the history reloads when the stored row moves on).
 */
export function ConsentSettings({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data, update } = usePrivacySettings("Privacy settings saved");
  const version = data?.version;
  useEffect(() => {
    if (version != null) void queryClient.invalidateQueries({ queryKey: trpc.privacy.consents.history.pathKey() });
  }, [version, queryClient, trpc]);
  if (!data) return <SettingsSkeleton label="Loading privacy settings" rows={3} />;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Consents</CardTitle>
        <CardDescription>
          Both are off unless you turn them on. Your data is never sold. Given under privacy policy version {data.policyVersion}.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {CONSENTS.map((consent) => {
            const pending = update.isPending && update.variables?.[consent.key] !== undefined;
            const changedAt = data[consent.changedAt];
            return (
              <SettingSwitch
                key={consent.key}
                label={consent.label}
                description={consent.description}
                checked={pending ? Boolean(update.variables?.[consent.key]) : data[consent.key]}
                disabled={update.isPending}
                onCheckedChange={(checked) => update.mutate({ [consent.key]: checked })}
                footnote={changedAt ? `Last changed ${formatDateTime(changedAt, timeZone)}.` : "Never changed: off by default."}
              />
            );
          })}
        </div>
        {update.message ? <Alert variant="error">{update.message}</Alert> : null}
        <ConsentHistory timeZone={timeZone} />
      </CardContent>
    </Card>
  );
}
