"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";

interface ReasonDialogProps {
  trigger: React.ReactNode;
  title: string;
  description: string;
  confirmLabel: string;
  destructive?: boolean;
  /** The shortest reason accepted (the server checks it too). */
  minLength?: number;
  pending: boolean;
  /** Field and form errors of the last attempt. */
  error?: { field?: string | null; form?: string | null };
  /** Resolves true when the action was done (the dialog then closes). */
  onConfirm(reason: string): Promise<boolean>;
}

/** A confirmation that asks why: the reason is recorded with the action in the audit log. */
export function ReasonDialog({ trigger, title, description, confirmLabel, destructive, minLength = 3, pending, error, onConfirm }: ReasonDialogProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setReason("");
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            void onConfirm(reason.trim()).then((done) => {
              if (done) setOpen(false);
            });
          }}
        >
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          <FormField
            label="Reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            minLength={minLength}
            maxLength={500}
            required
            autoFocus
            hint={`At least ${minLength} characters; recorded in the audit log.`}
            error={error?.field}
          />
          {error?.form ? <Alert variant="error">{error.form}</Alert> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant={destructive ? "destructive" : "default"} pending={pending} disabled={reason.trim().length < minLength}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
