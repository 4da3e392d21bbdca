"use client";

import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useState, useSyncExternalStore } from "react";
import { CurrentPasswordField } from "@/components/auth/credential-fields";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";

const noSubscription = () => () => {};

/** The account's passkeys: add one (behind the password), rename, remove. */
export function PasskeysSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const passkeys = useQuery(trpc.twoFactor.passkeys.list.queryOptions());
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.twoFactor.passkeys.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.twoFactor.status.queryKey() });
  };
  const remove = useMutation(trpc.twoFactor.passkeys.remove.mutationOptions({ onSettled: refresh }));
  const supported = useSyncExternalStore(noSubscription, browserSupportsWebAuthn, () => true);

  return (
    <Card>
      <CardHeader>
        <CardTitle id="passkeys-title">Passkeys</CardTitle>
        <CardDescription>
          A passkey signs you in with your device’s screen lock instead of a password. With two-step verification on, it can also stand in for the code.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {passkeys.isPending ? (
          <Skeleton className="h-16" />
        ) : passkeys.isError ? (
          <Alert variant="error">{passkeys.error.message}</Alert>
        ) : passkeys.data.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No passkeys yet.</p>
        ) : (
          <ul aria-labelledby="passkeys-title" className="flex flex-col divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {passkeys.data.map((passkey) => (
              <PasskeyRow
                key={passkey.id}
                passkey={passkey}
                onRemove={() => remove.mutate({ id: passkey.id })}
                removing={remove.isPending && remove.variables?.id === passkey.id}
                onRenamed={refresh}
              />
            ))}
          </ul>
        )}
        {remove.isError ? <Alert variant="error">{remove.error.message}</Alert> : null}
        {supported ? <AddPasskey onAdded={refresh} /> : <Alert>This browser does not support passkeys.</Alert>}
      </CardContent>
    </Card>
  );
}

interface PasskeyRowProps {
  passkey: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };
  onRemove: () => void;
  removing: boolean;
  onRenamed: () => void;
}

function PasskeyRow({ passkey, onRemove, removing, onRenamed }: PasskeyRowProps) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(passkey.name);
  const rename = useMutation(
    trpc.twoFactor.passkeys.rename.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        onRenamed();
      },
    }),
  );
  const errors = fieldErrorsOf(rename.error);
  return (
    <li aria-label={`Passkey: ${passkey.name}`} className="flex flex-wrap items-center gap-3 p-3">
      <KeyRound className="size-5 shrink-0 text-zinc-500" aria-hidden />
      {editing ? (
        <form
          className="flex flex-1 flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate({ id: passkey.id, name });
          }}
        >
          <FormField label="Passkey name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} error={errors.name ?? formErrorOf(rename.error, errors)} />
          <Button type="submit" size="sm" pending={rename.isPending}>
            Save
          </Button>
        </form>
      ) : (
        <div className="flex min-w-0 flex-1 flex-col">
          <span className="text-sm font-medium">{passkey.name}</span>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            added <RelativeTime date={passkey.createdAt} /> · {passkey.lastUsedAt ? <>last used <RelativeTime date={passkey.lastUsedAt} /></> : "not used yet"}
          </span>
        </div>
      )}
      {editing ? null : (
        <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Rename passkey ${passkey.name}`}>
          Rename
        </Button>
      )}
      <Button size="sm" variant="outline" onClick={onRemove} pending={removing} aria-label={`Remove passkey ${passkey.name}`}>
        Remove
      </Button>
    </li>
  );
}

function AddPasskey({ onAdded }: { onAdded: () => void }) {
  const trpc = useTRPC();
  const [currentPassword, setCurrentPassword] = useState("");
  const [name, setName] = useState("");
  const [browserError, setBrowserError] = useState<string | null>(null);
  const options = useMutation(trpc.twoFactor.passkeys.registrationOptions.mutationOptions());
  const register = useMutation(
    trpc.twoFactor.passkeys.register.mutationOptions({
      onSuccess: () => {
        setCurrentPassword("");
        setName("");
        onAdded();
      },
    }),
  );
  const optionErrors = fieldErrorsOf(options.error);
  const registerErrors = fieldErrorsOf(register.error);
  const pending = options.isPending || register.isPending;

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setBrowserError(null);
    register.reset();
    const creation = await options.mutateAsync({ currentPassword }).catch(() => null);
    if (!creation) return;
    let response;
    try {
      response = await startRegistration(creation);
    } catch (error) {
      setBrowserError(error instanceof Error && error.name === "NotAllowedError" ? "The passkey request was cancelled or timed out." : "This device could not create a passkey.");
      return;
    }
    register.mutate({ response: response as Parameters<typeof register.mutate>[0]["response"], name: name.trim() || "Passkey" });
  }

  return (
    <form className="flex flex-col gap-3" aria-label="Add a passkey" onSubmit={onSubmit}>
      <FormField label="Passkey name" name="passkeyName" placeholder="e.g. Laptop" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} error={registerErrors.name} />
      <CurrentPasswordField name="passkeyPassword" value={currentPassword} onValueChange={setCurrentPassword} error={optionErrors.currentPassword} />
      {browserError ? <Alert variant="error">{browserError}</Alert> : null}
      {formErrorOf(options.error, optionErrors) ? <Alert variant="error">{formErrorOf(options.error, optionErrors)}</Alert> : null}
      {register.error ? <Alert variant="error">{register.error.message}</Alert> : null}
      {register.isSuccess ? <Alert variant="success">Passkey added.</Alert> : null}
      <Button type="submit" variant="outline" pending={pending} disabled={!currentPassword} className="self-start">
        Add a passkey
      </Button>
    </form>
  );
}
