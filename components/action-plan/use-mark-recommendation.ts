"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";
import type { RecommendationStatus } from "@/server/health/analytics/types";

const DONE_MESSAGE: Record<RecommendationStatus, string> = {
  done: "Marked as done",
  dismissed: "Dismissed",
  open: "Back on your to-do list",
};

/** Marks a recommendation and refreshes every view of the action plan (dashboard, lists, counts). */
export function useMarkRecommendation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation(
    trpc.actionPlan.mark.mutationOptions({
      onSuccess: async (row) => {
        toast({ title: DONE_MESSAGE[row.status], description: row.title, variant: "success" });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.actionPlan.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.insights.dashboard.queryKey() }),
        ]);
      },
      onError: (error) => toast({ title: "That did not save", description: error.message, variant: "error" }),
    }),
  );
}
