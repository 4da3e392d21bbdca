"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmailField } from "./credential-fields";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const errors = fieldErrorsOf(request.error);
  const formError = formErrorOf(request.error, errors);

  if (request.isSuccess) {
    return (
      <Alert variant="success">
        If an account uses <strong className="break-all">{request.variables.email}</strong>, we sent it a link to choose a new password. The link works for one hour.
      </Alert>
    );
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!email.trim()) {
          setMissing("Enter your email address.");
          return;
        }
        setMissing(null);
        request.mutate({ email: email.trim() });
      }}
    >
      <EmailField value={email} onValueChange={setEmail} error={missing ?? errors.email} autoFocus />
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <Button type="submit" pending={request.isPending} className="w-full">
        {request.isPending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
