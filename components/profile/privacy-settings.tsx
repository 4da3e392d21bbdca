"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { SettingSwitch } from "./setting-switch";

type ConsentKey = "shareAnonymousData" | "researchOptIn";

const CONSENTS: readonly { key: ConsentKey; changedAt: "shareAnonymousDataChangedAt" | "researchOptInChangedAt"; label: string; description: string }[] = [
  {
    key: "shareAnonymousData",
    changedAt: "shareAnonymousDataChangedAt",
    label: "Share anonymous usage data",
    description: "Aggregated statistics about how BioSync is used, with no name, email or health values attached. Helps us find what to improve.",
  },
  {
    key: "researchOptIn",
    changedAt: "researchOptInChangedAt",
    label: "Take part in research",
    description: "Allow your de-identified health data to be included in approved wellness studies. You can withdraw at any time; data already included in a finished study cannot be removed from it.",
  },
];

function describeChange(at: Date | null, timeZone: string): string {
  if (!at) return "Never changed: off by default.";
  const formatted = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
  return `Last changed ${formatted}.`;
}

/** The user's consents; each change is saved at once and stamped with its time. */
export function PrivacySettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data } = useSuspenseQuery(trpc.profile.privacy.get.queryOptions());
  const { data: profile } = useSuspenseQuery(trpc.profile.get.queryOptions());
  const update = useMutation(
    trpc.profile.privacy.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.profile.privacy.get.queryKey(), saved);
        toast({ title: "Privacy settings saved", variant: "success" });
      },
    }),
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle>Consents</CardTitle>
        <CardDescription>Both are off unless you turn them on. Your data is never sold.</CardDescription>
      </CardHeader>
      <CardContent>
        <div className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {CONSENTS.map((consent) => {
            const pending = update.isPending && update.variables?.[consent.key] !== undefined;
            return (
              <SettingSwitch
                key={consent.key}
                label={consent.label}
                description={consent.description}
                checked={pending ? Boolean(update.variables?.[consent.key]) : data[consent.key]}
                disabled={update.isPending}
                onCheckedChange={(checked) => update.mutate({ [consent.key]: checked })}
                footnote={describeChange(data[consent.changedAt], profile.timeZone)}
              />
            );
          })}
        </div>
        {update.isError ? <Alert variant="error">{update.error.message}</Alert> : null}
      </CardContent>
    </Card>
  );
}
