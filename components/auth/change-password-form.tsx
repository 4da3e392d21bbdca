"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { CurrentPasswordField } from "./credential-fields";
import { NewPasswordFields, useNewPassword } from "./new-password-fields";

/** Password change: needs the current password; signs other sessions out unless unticked. */
export function ChangePasswordForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const checkboxId = useId();
  const [currentPassword, setCurrentPassword] = useState("");
  const newPassword = useNewPassword();
  const [signOutOthers, setSignOutOthers] = useState(true);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrentPassword("");
        newPassword.clear();
        void queryClient.invalidateQueries({ queryKey: trpc.auth.listSessions.queryKey() });
      },
    }),
  );
  const errors = fieldErrorsOf(change.error);
  const formError = formErrorOf(change.error, errors);

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!newPassword.confirm()) return;
    change.mutate({ currentPassword, newPassword: newPassword.password, signOutOthers });
  }

  const signedOut = change.data?.signedOutSessions ?? 0;
  return (
    <Card>
      <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="password-form-title">
        <CardHeader>
          <CardTitle id="password-form-title">Password</CardTitle>
          <CardDescription>Use 8 to 128 characters that are not one of the most common passwords.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <CurrentPasswordField value={currentPassword} onValueChange={setCurrentPassword} error={errors.currentPassword} />
          <NewPasswordFields state={newPassword} name="newPassword" error={errors.newPassword} />
          <div className="flex items-center gap-2">
            <input
              id={checkboxId}
              type="checkbox"
              checked={signOutOthers}
              onChange={(e) => setSignOutOthers(e.target.checked)}
              className="size-4 rounded border-zinc-300 accent-brand-600 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
            />
            <label htmlFor={checkboxId} className="text-sm">
              Sign out other sessions
            </label>
          </div>
          {change.isSuccess ? (
            <Alert variant="success">
              Password changed.
              {signedOut > 0 ? ` ${signedOut} other session${signedOut === 1 ? " was" : "s were"} signed out.` : ""}
            </Alert>
          ) : null}
          {formError ? <Alert variant="error">{formError}</Alert> : null}
        </CardContent>
        <CardFooter>
          <Button type="submit" pending={change.isPending} disabled={!currentPassword || !newPassword.password || !newPassword.confirmation}>
            {change.isPending ? "Saving…" : "Change password"}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
