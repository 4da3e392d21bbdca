"use client";

import { useMutation } from "@tanstack/react-query";
import { Send } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

/** "Send again" for an email that failed: a new attempt, listed as its own outbox entry (audited). */
export function ResendButton({ emailId }: { emailId: string }) {
  const trpc = useTRPC();
  const toast = useToast();
  const resend = useMutation(trpc.admin.outbox.resend.mutationOptions({ onSuccess: () => toast({ title: "Email sent again", variant: "success" }) }));
  return (
    <div className="flex flex-col items-start gap-2">
      <Button type="button" onClick={() => resend.mutate({ id: emailId })} pending={resend.isPending} disabled={resend.isSuccess}>
        <Send className="size-4" aria-hidden />
        Send again
      </Button>
      {resend.error ? <Alert variant="error">{resend.error.message}</Alert> : null}
      {resend.data ? (
        <Link href={`/admin/outbox/${resend.data.id}`} className="text-sm text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
          Open the new attempt
        </Link>
      ) : null}
    </div>
  );
}
