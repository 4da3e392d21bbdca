"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { planErrorOf } from "@/components/plans/plan-error";
import { UpgradeNotice } from "@/components/plans/upgrade-notice";
import { useCurrentPlan } from "@/components/plans/use-current-plan";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toast";
import { addDays } from "@/server/health/local-date";
import type { ExportKind } from "@/db/schema/exports";
import { todayIn } from "./export-format";
import { MetricPicker } from "./metric-picker";

/** Asks for an export: the kinds with a writer; for CSV, the metrics and the range of days. */
export function ExportRequestForm({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data: kinds } = useSuspenseQuery(trpc.exports.kinds.queryOptions());
  const [kind, setKind] = useState<ExportKind>((kinds[0]?.kind as ExportKind | undefined) ?? "csv");
  const today = todayIn(timeZone);
  const [metrics, setMetrics] = useState<string[]>(["heart_rate"]);
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const kindGroup = useId();
  const { data: plan } = useCurrentPlan();
  const exportsToday = plan?.usage.find((u) => u.feature === "exports");
  const request = useMutation(
    trpc.exports.request.mutationOptions({
      onSuccess: async () => {
        toast({ title: "Export requested", description: "It is listed below; it can be downloaded once it is ready.", variant: "success" });
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.exports.list.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.plans.current.queryKey() })]);
      },
    }),
  );
  const fieldErrors = fieldErrorsOf(request.error, { "params.metrics": "metrics", "params.from": "from", "params.to": "to" });
  const metricsError = fieldErrors.metrics ?? Object.entries(fieldErrors).find(([path]) => path.startsWith("params.metrics."))?.[1];
  const formError = formErrorOf(request.error, metricsError ? { metrics: metricsError } : fieldErrors);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // Only CSV takes options here; another kind is checked by its own writer on the server.
    const input = kind === "csv" ? { kind, params: { metrics, from, to } } : { kind, params: {} };
    request.mutate(input as Parameters<typeof request.mutate>[0]);
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Export your data</CardTitle>
        <CardDescription>The file is written in the background and kept for 7 days. Download links work for 10 minutes.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">What to export</legend>
            {kinds.map((k) => (
              <label key={k.kind} className="flex cursor-pointer items-start gap-3 rounded-md border border-zinc-200 p-3 has-[:checked]:border-brand-600 dark:border-zinc-800">
                <input type="radio" name={kindGroup} value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind as ExportKind)} className="mt-1 accent-brand-600" />
                <span className="flex flex-col">
                  <span className="text-sm font-medium">{k.label}</span>
                  <span className="text-xs text-zinc-600 dark:text-zinc-400">{k.detail}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {kind === "csv" ? (
            <>
              <MetricPicker selected={metrics} onChange={setMetrics} error={metricsError} />
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField label="First day" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} error={fieldErrors.from} required />
                <FormField label="Last day" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} error={fieldErrors.to} hint={`Days in your time zone (${timeZone}).`} required />
              </div>
            </>
          ) : null}
          {planErrorOf(request.error) ? <UpgradeNotice error={request.error} /> : formError ? <Alert variant="error">{formError}</Alert> : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" pending={request.isPending}>
              Request export
            </Button>
            {exportsToday && exportsToday.limit !== null ? (
              <span className="text-sm text-zinc-600 dark:text-zinc-400">
                {exportsToday.used} of {exportsToday.limit} exports today
              </span>
            ) : null}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
