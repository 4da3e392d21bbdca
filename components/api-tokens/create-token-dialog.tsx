"use client";

import { useMutation } from "@tanstack/react-query";
import { Check, Copy, Plus } from "lucide-react";
import { useId, useState } from "react";
import { fieldErrorsOf, formErrorOf } from "@/components/profile/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { API_TOKEN_LIFETIMES_DAYS } from "@/server/account/api-tokens/limits";

const NEVER = "never";

/** The create dialog: name, scope and lifetime; then the secret, shown this once, with a copy button. */
export function CreateTokenDialog({ onCreated }: { onCreated: () => void }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"read" | "write">("read");
  const [lifetime, setLifetime] = useState<string>(NEVER);
  const create = useMutation(trpc.apiTokens.create.mutationOptions({ onSuccess: onCreated }));
  const errors = fieldErrorsOf(create.error);
  const reset = () => {
    setName("");
    setScope("read");
    setLifetime(NEVER);
    create.reset();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button className="self-start">
          <Plus className="size-4" aria-hidden /> Create token
        </Button>
      </DialogTrigger>
      <DialogContent>
        {create.data ? (
          <CreatedToken secret={create.data.secret} name={create.data.token.name} />
        ) : (
          <form
            className="flex flex-col gap-4"
            aria-label="Create an API token"
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate({ name, scope, expiresInDays: lifetime === NEVER ? null : Number(lifetime) });
            }}
          >
            <DialogHeader>
              <DialogTitle>Create an API token</DialogTitle>
              <DialogDescription>Name it after what will use it, so you know which one to revoke.</DialogDescription>
            </DialogHeader>
            <FormField label="Token name" name="tokenName" placeholder="e.g. Home Assistant" maxLength={60} required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 text-sm font-medium">Scope</legend>
              <RadioGroup value={scope} onValueChange={(value) => setScope(value as "read" | "write")} className="grid gap-2 sm:grid-cols-2">
                <RadioCard id="scope-read" value="read" title="Read" description="Reads your data; cannot change anything." />
                <RadioCard id="scope-write" value="write" title="Write" description="Reads, and saves or deletes journal entries." />
              </RadioGroup>
            </fieldset>
            <LifetimeSelect value={lifetime} onChange={setLifetime} error={errors.expiresInDays} />
            {formErrorOf(create.error, errors) ? <Alert variant="error">{formErrorOf(create.error, errors)}</Alert> : null}
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" pending={create.isPending}>
                Create token
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function LifetimeSelect({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>Expires</Label>
      <Select value={value} onValueChange={onChange}>
        <SelectTrigger id={id} aria-invalid={error ? true : undefined}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={NEVER}>Never (until revoked)</SelectItem>
          {API_TOKEN_LIFETIMES_DAYS.map((days) => (
            <SelectItem key={days} value={String(days)}>
              In {days} days
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {error ? <p className="text-xs text-red-600 dark:text-red-400">{error}</p> : null}
    </div>
  );
}

function CreatedToken({ secret, name }: { secret: string; name: string }) {
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(secret).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  return (
    <div className="flex flex-col gap-4">
      <DialogHeader>
        <DialogTitle>Token “{name}” created</DialogTitle>
        <DialogDescription>Copy it now: this is the only time it is shown. BioSync keeps only a fingerprint of it.</DialogDescription>
      </DialogHeader>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={id}>Your new API token</Label>
        <div className="flex gap-2">
          <Input id={id} readOnly value={secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} data-testid="new-api-token" />
          <Button type="button" variant="outline" onClick={() => void copy()} aria-label="Copy the token">
            {copied === "yes" ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
            {copied === "yes" ? "Copied" : "Copy"}
          </Button>
        </div>
        <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
          {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "The browser did not allow copying: select the token and copy it yourself." : ""}
        </p>
      </div>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button">Done</Button>
        </DialogClose>
      </DialogFooter>
    </div>
  );
}
