"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { EmailField } from "./credential-fields";

/** Creates an account; the verification link goes to the address given. */
export function RegisterForm({ signInHref }: { signInHref: string }) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const register = useMutation(trpc.auth.register.mutationOptions());
  const errors = fieldErrorsOf(register.error);
  const formError = formErrorOf(register.error, errors);

  if (register.isSuccess) {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant="success">
          Account created. We sent a verification link to <strong className="break-all">{register.data.email}</strong>. Open it to confirm your address, then sign in.
        </Alert>
        <Button asChild className="w-full">
          <Link href={signInHref}>Go to sign in</Link>
        </Button>
      </div>
    );
  }

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    register.mutate({ email: email.trim(), password, name: name.trim() || undefined });
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormField label="Name (optional)" name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} maxLength={100} />
      <EmailField value={email} onValueChange={setEmail} error={errors.email} />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        hint="8 to 128 characters, not one of the most common passwords. A short sentence works well."
        required
      />
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <Button type="submit" pending={register.isPending} className="w-full">
        {register.isPending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
