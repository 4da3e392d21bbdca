"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { PLAN_IDS, PLANS, type PlanId } from "@/server/account/plans/catalog";

/** Sets the account's plan by hand; the reason goes into the audit log. */
export function PlanForm({ userId, plan }: { userId: string; plan: PlanId }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const selectId = useId();
  const [chosen, setChosen] = useState<PlanId>(plan);
  const [reason, setReason] = useState("");
  const save = useMutation(
    trpc.admin.users.setPlan.mutationOptions({
      onSuccess: (result) => {
        toast({ title: `Plan set to ${PLANS[result.plan].name}`, variant: "success" });
        setReason("");
        router.refresh();
      },
    }),
  );
  const fieldErrors = fieldErrorsOf(save.error);
  const formError = formErrorOf(save.error, fieldErrors);

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ userId, plan: chosen, reason });
      }}
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={selectId}>Plan</Label>
        <Select value={chosen} onValueChange={(value) => setChosen(value as PlanId)}>
          <SelectTrigger id={selectId} className="max-w-xs">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {PLAN_IDS.map((id) => (
              <SelectItem key={id} value={id}>
                {PLANS[id].name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <FormField
        label="Reason"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        hint="Recorded in the audit log, which the user can read."
        error={fieldErrors.reason}
        maxLength={500}
        required
      />
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <div>
        <Button type="submit" pending={save.isPending} disabled={chosen === plan && reason === ""}>
          Save plan
        </Button>
      </div>
    </form>
  );
}
