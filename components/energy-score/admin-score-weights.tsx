"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { useToast } from "@/components/ui/toast";
import type { AdminWeightsView } from "@/server/health/analytics/energy-score/schemas";
import { ScoreFormulaNote } from "./score-formula-note";
import { WeightsEditor } from "./weights-editor";

/** The service's default weights over the documented ones; users' own overrides stay on top. */
export function AdminScoreWeights() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data } = useSuspenseQuery(trpc.admin.scoreWeights.get.queryOptions());
  const onSuccess = (saved: AdminWeightsView) => {
    queryClient.setQueryData(trpc.admin.scoreWeights.get.queryKey(), saved);
    toast({ title: "Default weights saved", description: "Every user with scores gets a recalculation.", variant: "success" });
  };
  const save = useMutation(trpc.admin.scoreWeights.set.mutationOptions({ onSuccess }));

  return (
    <Card>
      <CardHeader>
        <CardTitle>Default score weights</CardTitle>
        <CardDescription>
          What every user gets unless they set their own weights in Settings → Score.{" "}
          {data.updatedAt ? (
            <>
              Last changed <RelativeTime date={data.updatedAt} />.
            </>
          ) : (
            "The documented defaults are in use."
          )}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <ScoreFormulaNote />
        <WeightsEditor
          key={JSON.stringify(data.adminDefaults)}
          inherited={data.defaults}
          inheritedName="documented default"
          saved={data.adminDefaults}
          onSave={(weights) => save.mutate({ weights })}
          onReset={() => save.mutate({ weights: {} })}
          saving={save.isPending && Object.keys(save.variables?.weights ?? {}).length > 0}
          resetting={save.isPending && Object.keys(save.variables?.weights ?? {}).length === 0}
          error={save.error}
          resetLabel="Back to the documented defaults"
        />
      </CardContent>
    </Card>
  );
}
