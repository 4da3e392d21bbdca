"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/time-format";
import { useHydrated } from "./use-hydrated";

/** Shown on every signed-in page while a confirmed deletion waits out its grace period. */
export function DeletionBanner({ scheduledFor, timeZone }: { scheduledFor: Date; timeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  const cancel = useMutation(
    trpc.privacy.deletion.cancel.mutationOptions({
      onSuccess: (state) => {
        queryClient.setQueryData(trpc.privacy.deletion.status.queryKey(), state);
        router.refresh();
      },
    }),
  );
  return (
    <div role="region" aria-label="Account deletion" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1">
        <TriangleAlert className="size-4 shrink-0" aria-hidden />
        <p className="min-w-0 flex-1">
          Your account will be erased on <strong>{formatDateTime(scheduledFor, timeZone)}</strong>.
        </p>
        <p aria-live="polite" className="text-xs">
          {cancel.isError ? cancel.error.message : null}
        </p>
        <Button size="sm" variant="outline" disabled={cancel.isPending || !hydrated} onClick={() => cancel.mutate()}>
          {cancel.isPending ? "Cancelling…" : "Cancel deletion"}
        </Button>
      </div>
    </div>
  );
}
