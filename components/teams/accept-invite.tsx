"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorReason } from "./errors";

/** Accepts an invitation as the signed-in account; a wrong account, a used, withdrawn or expired link is explained. */
export function AcceptInvite({ token, signOutAction }: { token: string; signOutAction: () => Promise<void> }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.teams.invites.accept.mutationOptions({ onSuccess: (joined) => router.push(`/team?org=${joined.organizationId}`) }));
  const wrongAccount = errorReason(accept.error) === "teams.invite-wrong-account";
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Joining shares nothing by itself: you choose on the team page whether a coach sees your energy scores.</p>
      {accept.error ? <Alert variant="error">{accept.error.message}</Alert> : null}
      {wrongAccount ? (
        <form action={signOutAction}>
          <Button type="submit" variant="outline">
            Sign out
          </Button>
        </form>
      ) : (
        <Button onClick={() => accept.mutate({ token })} pending={accept.isPending || accept.isSuccess} disabled={Boolean(accept.error)}>
          Accept the invitation
        </Button>
      )}
    </div>
  );
}
