"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { CurrentPasswordField, EmailField } from "@/components/auth/credential-fields";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldErrorsOf, formErrorOf } from "./field-errors";

/** Asks for a new address; the change happens only when the link sent there is opened. */
export function EmailChangeForm({ email, verified }: { email: string; verified: boolean }) {
  const trpc = useTRPC();
  const [newEmail, setNewEmail] = useState("");
  const [currentPassword, setCurrentPassword] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useMutation(
    trpc.auth.requestEmailChange.mutationOptions({
      onSuccess: (_result, variables) => {
        setSentTo(variables.newEmail);
        setNewEmail("");
        setCurrentPassword("");
      },
    }),
  );
  const errors = fieldErrorsOf(request.error);
  const formError = formErrorOf(request.error, errors);

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setSentTo(null);
    request.mutate({ newEmail: newEmail.trim(), currentPassword });
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-labelledby="email-form-title">
        <CardHeader>
          <CardTitle id="email-form-title">Email</CardTitle>
          <CardDescription className="flex flex-wrap items-center gap-2">
            <span className="break-all">{email}</span>
            <Badge variant={verified ? "success" : "warning"}>{verified ? "Verified" : "Not verified"}</Badge>
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <EmailField label="New email" name="newEmail" value={newEmail} onValueChange={setNewEmail} error={errors.newEmail} />
          <CurrentPasswordField value={currentPassword} onValueChange={setCurrentPassword} error={errors.currentPassword} />
          {sentTo ? (
            <Alert variant="success">
              Check your inbox at <strong className="break-all">{sentTo}</strong> and open the link to confirm the change. Until then you keep signing in with {email}.
            </Alert>
          ) : null}
          {formError ? <Alert variant="error">{formError}</Alert> : null}
        </CardContent>
        <CardFooter>
          <Button type="submit" variant="outline" disabled={request.isPending || !newEmail || !currentPassword}>
            {request.isPending ? "Sending…" : "Change email"}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
