"use client";

import { useQuery } from "@tanstack/react-query";
import { HeartPulse } from "lucide-react";
import { useState } from "react";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ReasonDialog } from "./reason-dialog";

const SHOWN_METRICS = ["steps", "resting_heart_rate", "hrv_rmssd"] as const;

/** "View health data": asks for a reason (audited), then shows the bounded summary the server returns. */
export function HealthDataViewer({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const [reason, setReason] = useState<string | null>(null);
  const query = useQuery({ ...trpc.admin.users.healthData.queryOptions({ userId, reason: reason ?? "" }), enabled: reason !== null, retry: false, staleTime: Infinity });
  const fields = fieldErrorsOf(query.error);
  const scores = new Map((query.data?.scores ?? []).map((row) => [row.localDate, row]));

  return (
    <div className="flex flex-col gap-4">
      <div>
        <ReasonDialog
          trigger={
            <Button type="button" variant="outline">
              <HeartPulse className="size-4" aria-hidden />
              View health data
            </Button>
          }
          title="Open this person's health data?"
          description="You will see their last 30 daily summaries and energy scores. The opening and your reason are recorded in the audit log, which the person can read."
          confirmLabel="Open health data"
          minLength={10}
          pending={query.isFetching}
          error={{ field: fields.reason ?? null, form: formErrorOf(query.error, fields) }}
          onConfirm={async (given) => {
            setReason(given);
            return true;
          }}
        />
      </div>
      {query.isFetching ? <p className="text-sm text-zinc-500" role="status">Loading health data…</p> : null}
      {query.error ? <Alert variant="error">{query.error.message}</Alert> : null}
      {query.data ? (
        query.data.summaries.length === 0 && query.data.scores.length === 0 ? (
          <p className="text-sm text-zinc-500">No daily summaries or scores yet.</p>
        ) : (
          <div className="overflow-x-auto" data-testid="health-data">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Day</TableHead>
                  <TableHead className="text-right">Score</TableHead>
                  {SHOWN_METRICS.map((metric) => (
                    <TableHead key={metric} className="text-right">
                      {metric.replaceAll("_", " ")}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {query.data.summaries.map((day) => (
                  <TableRow key={day.localDate}>
                    <TableCell>{day.localDate}</TableCell>
                    <TableCell className="text-right tabular-nums">{scores.get(day.localDate)?.score ?? "—"}</TableCell>
                    {SHOWN_METRICS.map((metric) => (
                      <TableCell key={metric} className="text-right tabular-nums">
                        {day.values[metric] === undefined ? "—" : Math.round(day.values[metric] * 10) / 10}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )
      ) : null}
    </div>
  );
}
