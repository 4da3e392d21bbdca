"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSyncedAction } from "@/components/profile/use-synced-action";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";
import type { RecommendationStatus } from "@/server/health/analytics/types";

const DONE_MESSAGE: Record<RecommendationStatus, string> = {
  done: "Marked as done",
  dismissed: "Dismissed",
  open: "Back on your to-do list",
};

/** Marks a recommendation on this device (sent when online; the action plan reads the same copy) and refreshes the dashboard's view of it. */
export function useMarkRecommendation(title: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const mark = useSyncedAction<{ id: string; status: RecommendationStatus }>("actionPlan.mark", (args) => {
    toast({ title: DONE_MESSAGE[args.status], description: title, variant: "success" });
    void queryClient.invalidateQueries({ queryKey: trpc.insights.dashboard.queryKey() });
  });
  return {
    ...mark,
    mutate: (args: { id: string; status: RecommendationStatus }) =>
      void mark.mutateAsync(args).catch((error: unknown) => toast({ title: "That did not save", description: mark.message ?? String(error), variant: "error" })),
  };
}
