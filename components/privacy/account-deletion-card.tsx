"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { formatDateTime } from "@/components/ui/time-format";
import { ErasurePlan } from "./erasure-plan";
import { useHydrated } from "./use-hydrated";

/** Account deletion: the dry run, the request (password again, then an emailed link), its state and Cancel. */
export function AccountDeletionCard({ timeZone, graceDays }: { timeZone: string; graceDays: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  const { data: deletion } = useSuspenseQuery(trpc.privacy.deletion.status.queryOptions());
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const saved = (state: typeof deletion) => {
    queryClient.setQueryData(trpc.privacy.deletion.status.queryKey(), state);
    void queryClient.invalidateQueries({ queryKey: trpc.privacy.activity.list.pathKey() });
    router.refresh();
  };
  const request = useMutation(
    trpc.privacy.deletion.request.mutationOptions({
      onSuccess: (state) => {
        setPassword("");
        setOpen(false);
        saved(state);
      },
    }),
  );
  const cancel = useMutation(trpc.privacy.deletion.cancel.mutationOptions({ onSuccess: saved }));
  const fieldErrors = fieldErrorsOf(request.error);
  const formError = formErrorOf(request.error, fieldErrors);

  return (
    <Card>
      <CardHeader>
        <CardTitle>Delete your account</CardTitle>
        <CardDescription>
          Erases your account and everything in it: readings, imports, exports, settings and sign-in methods. After you confirm by email there are {graceDays}{" "}
          days in which you can change your mind; then it cannot be undone. A receipt goes to your email address.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {deletion.state === "requested" ? (
          <Alert variant="info" data-testid="deletion-state">
            We emailed a confirmation link to <strong className="break-all">{deletion.receiptEmail}</strong>. Follow it within 24 hours to schedule the deletion;
            until then nothing happens.
          </Alert>
        ) : null}
        {deletion.state === "scheduled" && deletion.scheduledFor ? (
          <Alert variant="info" data-testid="deletion-state">
            Your account will be erased on {formatDateTime(deletion.scheduledFor, timeZone)}.
          </Alert>
        ) : null}
        {deletion.state === "erasing" ? (
          <Alert variant="info" data-testid="deletion-state">
            Your account is being erased.
          </Alert>
        ) : null}
        {cancel.isError ? <Alert variant="error">{cancel.error.message}</Alert> : null}

        {deletion.state === "requested" || deletion.state === "scheduled" ? (
          <Button variant="outline" className="self-start" onClick={() => cancel.mutate()} pending={cancel.isPending} disabled={!hydrated}>
            {deletion.state === "requested" ? "Cancel the request" : "Cancel deletion"}
          </Button>
        ) : null}

        {(deletion.state === "none" || deletion.state === "requested") && !open ? (
          <Button variant="destructive" className="self-start" onClick={() => setOpen(true)} disabled={!hydrated}>
            {deletion.state === "requested" ? "Send the link again…" : "Delete my account…"}
          </Button>
        ) : null}

        {open && (deletion.state === "none" || deletion.state === "requested") ? (
          <form
            className="flex flex-col gap-4 rounded-lg border border-red-200 p-4 dark:border-red-900"
            aria-label="Delete your account"
            onSubmit={(event) => {
              event.preventDefault();
              request.mutate({ currentPassword: password });
            }}
          >
            <ErasurePlan />
            <FormField
              label="Your password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={fieldErrors.currentPassword}
              hint="We then email you a link to confirm."
            />
            {formError ? <Alert variant="error">{formError}</Alert> : null}
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant="destructive" pending={request.isPending}>
                Email me the confirmation link
              </Button>
              <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                Keep my account
              </Button>
            </div>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
