"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CurrentPasswordField } from "@/components/auth/credential-fields";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Skeleton } from "@/components/ui/skeleton";
import { RecoveryCodesList } from "./recovery-codes-list";

/** Two-step verification with an authenticator app: set up (proved by a code), new recovery codes, turn off. */
export function TotpSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.twoFactor.status.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.twoFactor.status.queryKey() });
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <Card>
      <CardHeader>
        <CardTitle id="totp-title" className="flex items-center gap-2">
          Two-step verification
          {status.data?.totpEnabled ? <Badge variant="success">On</Badge> : null}
        </CardTitle>
        <CardDescription>
          After your password, signing in also asks for a code from an authenticator app (or a recovery code, or one of your passkeys).
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {codes ? <RecoveryCodesList codes={codes} /> : null}
        {status.isPending ? (
          <Skeleton className="h-24" />
        ) : status.isError ? (
          <Alert variant="error">{status.error.message}</Alert>
        ) : status.data.totpEnabled ? (
          <EnabledControls
            recoveryCodesLeft={status.data.recoveryCodesLeft}
            onCodes={(next) => {
              setCodes(next);
              void refresh();
            }}
            onDisabled={() => {
              setCodes(null);
              void refresh();
            }}
          />
        ) : (
          <Enrolment
            onEnabled={(next) => {
              setCodes(next);
              void refresh();
            }}
          />
        )}
      </CardContent>
    </Card>
  );
}

function Enrolment({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const trpc = useTRPC();
  const [currentPassword, setCurrentPassword] = useState("");
  const [code, setCode] = useState("");
  const begin = useMutation(trpc.twoFactor.beginTotp.mutationOptions({ onSuccess: () => setCurrentPassword("") }));
  const confirm = useMutation(trpc.twoFactor.confirmTotp.mutationOptions({ onSuccess: (data) => onEnabled(data.recoveryCodes) }));
  const beginErrors = fieldErrorsOf(begin.error);
  const confirmErrors = fieldErrorsOf(confirm.error);

  if (!begin.data) {
    return (
      <form
        className="flex flex-col gap-4"
        aria-label="Set up an authenticator app"
        onSubmit={(event) => {
          event.preventDefault();
          begin.mutate({ currentPassword });
        }}
      >
        <CurrentPasswordField value={currentPassword} onValueChange={setCurrentPassword} error={beginErrors.currentPassword} />
        {formErrorOf(begin.error, beginErrors) ? <Alert variant="error">{formErrorOf(begin.error, beginErrors)}</Alert> : null}
        <CardFooter className="px-0">
          <Button type="submit" pending={begin.isPending} disabled={!currentPassword}>
            Set up authenticator app
          </Button>
        </CardFooter>
      </form>
    );
  }
  return (
    <form
      className="flex flex-col gap-4"
      aria-label="Confirm the authenticator app"
      onSubmit={(event) => {
        event.preventDefault();
        confirm.mutate({ code });
      }}
    >
      <p className="text-sm">Scan this QR code with your authenticator app, or type the setup key into it. Then enter the code it shows.</p>
      {/* A data URL made on the server: next/image has nothing to optimise. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={begin.data.qrDataUrl} alt="QR code for your authenticator app" width={220} height={220} className="rounded-md border border-zinc-200 bg-white p-2" />
      <p className="text-sm">
        Setup key:{" "}
        <code data-testid="totp-secret" className="break-all rounded bg-zinc-100 px-1 py-0.5 font-mono dark:bg-zinc-800">
          {begin.data.secret}
        </code>
      </p>
      <FormField label="Code from the app" name="code" autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(e) => setCode(e.target.value)} error={confirmErrors.code} />
      {formErrorOf(confirm.error, confirmErrors) ? <Alert variant="error">{formErrorOf(confirm.error, confirmErrors)}</Alert> : null}
      <CardFooter className="px-0">
        <Button type="submit" pending={confirm.isPending} disabled={!code.trim()}>
          Turn on
        </Button>
      </CardFooter>
    </form>
  );
}

function EnabledControls({ recoveryCodesLeft, onCodes, onDisabled }: { recoveryCodesLeft: number; onCodes: (codes: string[]) => void; onDisabled: () => void }) {
  const trpc = useTRPC();
  const [regenerateCode, setRegenerateCode] = useState("");
  const [currentPassword, setCurrentPassword] = useState("");
  const [disableCode, setDisableCode] = useState("");
  const regenerate = useMutation(
    trpc.twoFactor.regenerateRecoveryCodes.mutationOptions({
      onSuccess: (data) => {
        setRegenerateCode("");
        onCodes(data.recoveryCodes);
      },
    }),
  );
  const disable = useMutation(trpc.twoFactor.disable.mutationOptions({ onSuccess: onDisabled }));
  const regenerateErrors = fieldErrorsOf(regenerate.error);
  const disableErrors = fieldErrorsOf(disable.error);

  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm">
        {recoveryCodesLeft} unused recovery code{recoveryCodesLeft === 1 ? "" : "s"} left.
      </p>
      <form
        className="flex flex-col gap-3"
        aria-label="New recovery codes"
        onSubmit={(event) => {
          event.preventDefault();
          regenerate.mutate({ code: regenerateCode });
        }}
      >
        <FormField label="Code to get new recovery codes" name="regenerateCode" autoComplete="one-time-code" value={regenerateCode} onChange={(e) => setRegenerateCode(e.target.value)} error={regenerateErrors.code} />
        {formErrorOf(regenerate.error, regenerateErrors) ? <Alert variant="error">{formErrorOf(regenerate.error, regenerateErrors)}</Alert> : null}
        <Button type="submit" variant="outline" pending={regenerate.isPending} disabled={!regenerateCode.trim()} className="self-start">
          New recovery codes
        </Button>
      </form>
      <form
        className="flex flex-col gap-3"
        aria-label="Turn off two-step verification"
        onSubmit={(event) => {
          event.preventDefault();
          disable.mutate({ currentPassword, code: disableCode });
        }}
      >
        <CurrentPasswordField name="disablePassword" value={currentPassword} onValueChange={setCurrentPassword} error={disableErrors.currentPassword} />
        <FormField label="Code to turn it off" name="disableCode" autoComplete="one-time-code" value={disableCode} onChange={(e) => setDisableCode(e.target.value)} error={disableErrors.code} />
        {formErrorOf(disable.error, disableErrors) ? <Alert variant="error">{formErrorOf(disable.error, disableErrors)}</Alert> : null}
        <Button type="submit" variant="destructive" pending={disable.isPending} disabled={!currentPassword || !disableCode.trim()} className="self-start">
          Turn off two-step verification
        </Button>
      </form>
    </div>
  );
}
