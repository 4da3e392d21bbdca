"use client";

import { useMutation } from "@tanstack/react-query";
import { LogOut, ShieldOff, ShieldCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { ReasonDialog } from "./reason-dialog";

function errorsOf(error: unknown) {
  const fields = fieldErrorsOf(error);
  return { field: fields.reason ?? null, form: formErrorOf(error, fields) };
}

/** Disable or enable the account, and end its sessions; each asks for a reason first. */
export function AccountActions({ userId, disabled, isSelf, sessionCount }: { userId: string; disabled: boolean; isSelf: boolean; sessionCount: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const done = (title: string) => () => {
    toast({ title, variant: "success" });
    router.refresh();
  };
  const disable = useMutation(trpc.admin.users.disable.mutationOptions({ onSuccess: done("Account disabled, sessions ended") }));
  const enable = useMutation(trpc.admin.users.enable.mutationOptions({ onSuccess: done("Account enabled") }));
  const endSessions = useMutation(trpc.admin.users.endSessions.mutationOptions({ onSuccess: done("Signed out everywhere") }));
  const succeeded = (promise: Promise<unknown>) => promise.then(
    () => true,
    () => false,
  );

  return (
    <div className="flex flex-wrap gap-2">
      {disabled ? (
        <ReasonDialog
          trigger={
            <Button type="button" variant="outline">
              <ShieldCheck className="size-4" aria-hidden />
              Enable
            </Button>
          }
          title="Enable this account?"
          description="The person can sign in again. Sessions ended when the account was disabled stay ended."
          confirmLabel="Enable account"
          pending={enable.isPending}
          error={errorsOf(enable.error)}
          onConfirm={(reason) => succeeded(enable.mutateAsync({ userId, reason }))}
        />
      ) : (
        <ReasonDialog
          trigger={
            <Button type="button" variant="destructive" disabled={isSelf} title={isSelf ? "You cannot disable your own account" : undefined}>
              <ShieldOff className="size-4" aria-hidden />
              Disable
            </Button>
          }
          title="Disable this account?"
          description="Every session ends now, and no way of signing in (password, Google, passkey) works until an admin enables the account again. No data is deleted."
          confirmLabel="Disable account"
          destructive
          pending={disable.isPending}
          error={errorsOf(disable.error)}
          onConfirm={(reason) => succeeded(disable.mutateAsync({ userId, reason }))}
        />
      )}
      <ReasonDialog
        trigger={
          <Button type="button" variant="outline" disabled={sessionCount === 0}>
            <LogOut className="size-4" aria-hidden />
            End sessions
          </Button>
        }
        title="Sign this person out everywhere?"
        description={`All ${sessionCount} active session${sessionCount === 1 ? "" : "s"} end; each browser is signed out on its next request. The person can sign in again.`}
        confirmLabel="End sessions"
        destructive
        pending={endSessions.isPending}
        error={errorsOf(endSessions.error)}
        onConfirm={(reason) => succeeded(endSessions.mutateAsync({ userId, reason }))}
      />
    </div>
  );
}
