"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import type { JobRunStatus } from "@/db/schema";

/** Retry (failed or cancelled runs) and cancel (queued runs) buttons; the page re-renders after either. */
export function RunActions({ runId, status }: { runId: string; status: JobRunStatus }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const onError = (error: { message: string }) => toast({ title: "That did not work", description: error.message, variant: "error" });
  const retry = useMutation(
    trpc.jobs.retry.mutationOptions({
      onSuccess: () => {
        toast({ title: "Run queued again", variant: "success" });
        router.refresh();
      },
      onError,
    }),
  );
  const cancel = useMutation(
    trpc.jobs.cancel.mutationOptions({
      onSuccess: () => {
        toast({ title: "Run cancelled", variant: "info" });
        router.refresh();
      },
      onError,
    }),
  );
  const busy = retry.isPending || cancel.isPending;

  if (status === "failed" || status === "cancelled") {
    return (
      <Button size="sm" onClick={() => retry.mutate({ id: runId })} pending={retry.isPending} disabled={busy}>
        Retry
      </Button>
    );
  }
  if (status === "queued") {
    return (
      <Button size="sm" variant="outline" onClick={() => cancel.mutate({ id: runId })} pending={cancel.isPending} disabled={busy}>
        Cancel
      </Button>
    );
  }
  return null;
}
