"use client";

import { useState } from "react";
import { FormField } from "@/components/ui/form-field";

export interface NewPassword {
  password: string;
  confirmation: string;
  mismatch: string | null;
  setPassword(value: string): void;
  setConfirmation(value: string): void;
  /** True when both entries agree; otherwise shows the mismatch under the repeat field. */
  confirm(): boolean;
  clear(): void;
}

/** A new password typed twice, as the reset and change-password forms ask for it. */
export function useNewPassword(): NewPassword {
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [mismatch, setMismatch] = useState<string | null>(null);
  return {
    password,
    confirmation,
    mismatch,
    setPassword,
    setConfirmation,
    confirm() {
      const same = password === confirmation;
      setMismatch(same ? null : "The two new passwords do not match.");
      return same;
    },
    clear() {
      setPassword("");
      setConfirmation("");
      setMismatch(null);
    },
  };
}

export function NewPasswordFields({ state, name, error, hint, autoFocus }: { state: NewPassword; name: string; error?: string; hint?: string; autoFocus?: boolean }) {
  return (
    <>
      <FormField
        label="New password"
        name={name}
        type="password"
        autoComplete="new-password"
        value={state.password}
        onChange={(e) => state.setPassword(e.target.value)}
        error={error}
        hint={hint}
        required
        autoFocus={autoFocus}
      />
      <FormField
        label="Repeat new password"
        name="confirmation"
        type="password"
        autoComplete="new-password"
        value={state.confirmation}
        onChange={(e) => state.setConfirmation(e.target.value)}
        error={state.mismatch}
        required
      />
    </>
  );
}
