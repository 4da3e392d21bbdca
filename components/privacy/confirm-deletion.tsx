"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/time-format";
import { useHydrated } from "./use-hydrated";

/**
 * Confirms a deletion with an explicit click, so that a link scanner fetching the page cannot
 * schedule it.
 */
export function ConfirmDeletion({ token, timeZone, graceDays }: { token: string; timeZone: string; graceDays: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const confirm = useMutation(trpc.privacy.deletion.confirm.mutationOptions({ onSuccess: () => router.refresh() }));

  if (confirm.isSuccess && confirm.data.scheduledFor) {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant="info" data-testid="deletion-scheduled">
          Your account will be erased on {formatDateTime(confirm.data.scheduledFor, timeZone)}. Until then you can cancel from the banner on every page.
        </Alert>
        <Button asChild variant="outline" className="self-start">
          <Link href="/settings/privacy">Back to privacy settings</Link>
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        Confirming schedules the erasure of your account and all of its data in {graceDays} days. You can cancel until then; afterwards it cannot be undone.
      </p>
      {confirm.isError ? <Alert variant="error">{confirm.error.message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="destructive" onClick={() => confirm.mutate({ token })} pending={confirm.isPending} disabled={!hydrated}>
          {confirm.isPending ? "Confirming…" : "Confirm deletion"}
        </Button>
        <Button asChild variant="ghost">
          <Link href="/settings/privacy">Keep my account</Link>
        </Button>
      </div>
    </div>
  );
}
