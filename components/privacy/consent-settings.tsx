"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { SettingSwitch } from "@/components/profile/setting-switch";
import { formatDateTime } from "@/components/ui/time-format";
import { ConsentHistory } from "./consent-history";
import { CONSENTS } from "./consent-labels";

/** The user's consents; each change is saved at once, stamped with its time and the policy version. */
export function ConsentSettings({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data } = useSuspenseQuery(trpc.privacy.settings.get.queryOptions());
  const update = useMutation(
    trpc.privacy.settings.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.privacy.settings.get.queryKey(), saved);
        void queryClient.invalidateQueries({ queryKey: trpc.privacy.consents.history.pathKey() });
        toast({ title: "Privacy settings saved", variant: "success" });
      },
    }),
  );

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
        {update.isError ? <Alert variant="error">{update.error.message}</Alert> : null}
        <ConsentHistory timeZone={timeZone} />
      </CardContent>
    </Card>
  );
}
