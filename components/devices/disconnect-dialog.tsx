"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";

interface DisconnectDialogProps {
  providerName: string;
  pending: boolean;
  error: string | null;
  onConfirm: (deleteData: boolean) => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Asks whether the provider's data stays (the default) or goes with the connection. */
export function DisconnectDialog({ providerName, pending, error, onConfirm, open, onOpenChange }: DisconnectDialogProps) {
  const [choice, setChoice] = useState<"keep" | "delete">("keep");
  const idBase = providerName.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) setChoice("keep");
        onOpenChange(next);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Disconnect
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Disconnect {providerName}?</DialogTitle>
          <DialogDescription>
            BioSync stops syncing and gives up its access to your {providerName} account. You can connect again at any time.
          </DialogDescription>
        </DialogHeader>
        <RadioGroup value={choice} onValueChange={(value) => setChoice(value === "delete" ? "delete" : "keep")} aria-label="What happens to your data">
          <RadioCard id={`${idBase}-keep`} value="keep" title="Keep my data" description={`Everything already synced from ${providerName} stays in your history.`} />
          <RadioCard
            id={`${idBase}-delete`}
            value="delete"
            title="Delete the data too"
            description={`Removes every sample, night and workout that came from ${providerName}. This cannot be undone.`}
          />
        </RadioGroup>
        {error ? <Alert variant="error">{error}</Alert> : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline" disabled={pending}>
              Cancel
            </Button>
          </DialogClose>
          <Button variant={choice === "delete" ? "destructive" : "default"} pending={pending} onClick={() => onConfirm(choice === "delete")}>
            {choice === "delete" ? "Disconnect and delete data" : "Disconnect"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
