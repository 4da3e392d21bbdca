"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import type { WeightLayersView } from "@/server/health/analytics/energy-score/schemas";
import { applyDraft } from "./weight-draft";
import { WeightsEditor } from "./weights-editor";
import { ScoreFormulaNote } from "./score-formula-note";

/** The Score tab of Settings: the user's own weights over the service's defaults. */
export function ScoreWeightsSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data } = useSuspenseQuery(trpc.energyScore.weights.queryOptions());
  const saved = (layers: WeightLayersView, title: string) => {
    queryClient.setQueryData(trpc.energyScore.weights.queryKey(), layers);
    toast({ title, description: "Your scores are being recalculated with them.", variant: "success" });
  };
  const save = useMutation(trpc.energyScore.setWeights.mutationOptions({ onSuccess: (layers) => saved(layers, "Score weights saved") }));
  const reset = useMutation(trpc.energyScore.resetWeights.mutationOptions({ onSuccess: (layers) => saved(layers, "Score weights reset") }));
  const inherited = applyDraft(data.defaults, data.adminDefaults);

  return (
    <Card>
      <CardHeader>
        <CardTitle>Energy score weights</CardTitle>
        <CardDescription>Choose how much each contributor moves your daily energy score.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <ScoreFormulaNote />
        <WeightsEditor
          key={JSON.stringify(data.overrides)}
          inherited={inherited}
          inheritedName="default"
          saved={data.overrides}
          onSave={(weights) => {
            reset.reset();
            save.mutate({ weights });
          }}
          onReset={() => {
            save.reset();
            reset.mutate();
          }}
          saving={save.isPending}
          resetting={reset.isPending}
          error={save.error ?? reset.error}
          resetLabel="Reset all to defaults"
        />
      </CardContent>
    </Card>
  );
}
