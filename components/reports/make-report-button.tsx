"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

/** "Make this week's report" for a week that is over and has data; opens the report once made. */
export function MakeReportButton({ week, label = "Make this week's report" }: { week: string; label?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const make = useMutation(
    trpc.reports.make.mutationOptions({
      onSuccess: async (report) => {
        toast({ title: "Report made", description: `Your report for ${report.figures.week} is ready.`, variant: "success" });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
        router.push(`/reports/${report.figures.week}`);
        router.refresh();
      },
      onError: (error) => toast({ title: "The report could not be made", description: error.message, variant: "error" }),
    }),
  );
  return (
    <Button size="sm" onClick={() => make.mutate({ week })} pending={make.isPending} aria-label={`${label}: ${week}`}>
      {label}
    </Button>
  );
}
