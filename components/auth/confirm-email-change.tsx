"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * Confirms a new address with an explicit click, so link scanners in the new mailbox cannot
 * switch the account by merely fetching the page.
 */
export function ConfirmEmailChange({ token, signedIn }: { token: string; signedIn: boolean }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.auth.confirmEmailChange.mutationOptions());

  if (confirm.isSuccess) {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant="success">
          Your account now uses <strong className="break-all">{confirm.data.email}</strong>, and the address is verified. Use it the next time you sign in.
        </Alert>
        <Button asChild className="w-full">
          <Link href={signedIn ? "/settings/profile" : "/sign-in"}>{signedIn ? "Back to settings" : "Sign in"}</Link>
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {confirm.isError ? <Alert variant="error">{confirm.error.message}</Alert> : null}
      <Button onClick={() => confirm.mutate({ token })} pending={confirm.isPending} className="w-full">
        {confirm.isPending ? "Confirming…" : "Confirm new email address"}
      </Button>
    </div>
  );
}
