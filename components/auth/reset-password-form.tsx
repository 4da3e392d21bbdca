"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NewPasswordFields, useNewPassword } from "./new-password-fields";

/** Sets a new password through the emailed single-use link; every session is signed out. */
export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const newPassword = useNewPassword();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const errors = fieldErrorsOf(reset.error);
  const tokenError = errors.token;
  const formError = tokenError ?? formErrorOf(reset.error, errors);

  if (reset.isSuccess) {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant="success">Your password was changed and every device was signed out. Sign in with your new password.</Alert>
        <Button asChild className="w-full">
          <Link href="/sign-in">Sign in</Link>
        </Button>
      </div>
    );
  }

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!newPassword.confirm()) return;
    reset.mutate({ token, password: newPassword.password });
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <NewPasswordFields
        state={newPassword}
        name="password"
        error={errors.password}
        hint="8 to 128 characters, not one of the most common passwords."
        autoFocus
      />
      {formError ? (
        <Alert variant="error">
          {formError}{" "}
          {tokenError ? (
            <Link href="/forgot-password" className="font-medium underline underline-offset-4">
              Request a new link
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <Button type="submit" pending={reset.isPending} disabled={!newPassword.password || !newPassword.confirmation} className="w-full">
        {reset.isPending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
