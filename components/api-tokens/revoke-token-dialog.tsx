"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { TokenRow } from "./api-tokens-settings";

/** Revoking asks first: whatever uses the token stops working at once. */
export function RevokeTokenDialog({ token, onRevoked }: { token: TokenRow; onRevoked: () => void }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        onRevoked();
      },
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) revoke.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={`Revoke API token ${token.name}`}>
          Revoke
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Revoke “{token.name}”?</DialogTitle>
          <DialogDescription>
            Anything using <code>{token.prefix}…</code> gets “401 Unauthorized” from its next call. This cannot be undone.
          </DialogDescription>
        </DialogHeader>
        {revoke.isError ? <Alert variant="error">{revoke.error.message}</Alert> : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Keep it</Button>
          </DialogClose>
          <Button variant="destructive" pending={revoke.isPending} onClick={() => revoke.mutate({ id: token.id })}>
            Revoke token
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
