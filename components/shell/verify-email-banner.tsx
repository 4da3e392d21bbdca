"use client";

import { useMutation } from "@tanstack/react-query";
import { MailWarning } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";

/** Shown on every signed-in page until the address is verified. */
export function VerifyEmailBanner({ email }: { email: string }) {
  const trpc = useTRPC();
  const resend = useMutation(trpc.auth.requestVerificationEmail.mutationOptions());
  return (
    <div role="region" aria-label="Email verification" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1">
        <MailWarning className="size-4 shrink-0" aria-hidden />
        <p className="min-w-0 flex-1">
          Verify <strong className="break-all">{email}</strong>: open the link we emailed you.
        </p>
        <p aria-live="polite" className="text-xs">
          {resend.isSuccess ? "Sent. Check your inbox." : resend.isError ? resend.error.message : null}
        </p>
        <Button size="sm" variant="outline" disabled={resend.isPending} onClick={() => resend.mutate()}>
          {resend.isPending ? "Sending…" : "Resend email"}
        </Button>
      </div>
    </div>
  );
}
