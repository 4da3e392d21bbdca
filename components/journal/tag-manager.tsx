"use client";

import { useMutation } from "@tanstack/react-query";
import { Pencil, Tags, Trash2 } from "lucide-react";
import { useState } from "react";
import { fieldErrorsOf } from "@/components/profile/field-errors";
import { useTRPC } from "@/components/providers/trpc";
import { useSyncStatus } from "@/components/sync/hooks";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { MAX_TAG_NAME } from "@/server/health/journal/limits";
import { useLocalJournal } from "./use-local-journal";

type Tag = { id: string; name: string; entries: number };

/**
 * The user's tag set from this device's copy: how often each was used; rename or delete one. Those
 * two run on the server (it changes every entry with the tag and sends the change back through sync),
 * so they wait for a network.
 */
export function TagManager() {
  const journal = useLocalJournal();
  const offline = useSyncStatus().state === "offline";
  if (!journal) return <Skeleton className="h-40" aria-label="Loading your tags" />;
  if (journal.tags.tags.length === 0) {
    return <EmptyState icon={<Tags />} title="No tags yet" description="Tags you add to an entry (or that a WHOOP journal import brings) appear here." />;
  }
  return (
    <div className="flex flex-col gap-2">
      {offline ? (
        <p role="note" className="text-sm text-zinc-600 dark:text-zinc-400">
          Renaming and deleting tags needs a connection: you are offline.
        </p>
      ) : null}
      <ul className="flex flex-col divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {journal.tags.tags.map((tag) => (
          <li key={tag.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
            <span>
              <span className="font-medium">{tag.name}</span>
              <span className="ml-2 text-sm text-zinc-500">
                {tag.entries} {tag.entries === 1 ? "day" : "days"}
              </span>
            </span>
            <span className="flex gap-2">
              <RenameTag tag={tag} disabled={offline} />
              <DeleteTag tag={tag} disabled={offline} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RenameTag({ tag, disabled }: { tag: Tag; disabled: boolean }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(tag.name);
  const rename = useMutation(
    trpc.journal.tags.rename.mutationOptions({
      onSuccess: (renamed) => {
        setOpen(false);
        toast({
          title: "Tag renamed",
          description: renamed.name,
          variant: "success",
        });
      },
    }),
  );
  const error = fieldErrorsOf(rename.error).name ?? rename.error?.message;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setName(tag.name);
        rename.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Rename ${tag.name}`} disabled={disabled}>
          <Pencil className="size-3.5" aria-hidden />
          Rename
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate({ id: tag.id, name });
          }}
        >
          <DialogHeader>
            <DialogTitle>Rename “{tag.name}”</DialogTitle>
            <DialogDescription>Every entry with this tag shows the new name.</DialogDescription>
          </DialogHeader>
          <Input aria-label="Tag name" value={name} maxLength={MAX_TAG_NAME} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} />
          {error ? <p className="text-sm text-red-600 dark:text-red-400">{error}</p> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" pending={rename.isPending}>
              Rename
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function DeleteTag({ tag, disabled }: { tag: Tag; disabled: boolean }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.journal.tags.delete.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        toast({
          title: "Tag deleted",
          description: tag.name,
          variant: "success",
        });
      },
      onError: (error) =>
        toast({
          title: "The tag was not deleted",
          description: error.message,
          variant: "error",
        }),
    }),
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Delete ${tag.name}`} disabled={disabled}>
          <Trash2 className="size-3.5" aria-hidden />
          Delete
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete “{tag.name}”?</DialogTitle>
          <DialogDescription>
            It is removed from {tag.entries} {tag.entries === 1 ? "entry" : "entries"}; an entry that holds nothing else is deleted with it.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline">
              Keep it
            </Button>
          </DialogClose>
          <Button type="button" variant="destructive" pending={remove.isPending} onClick={() => remove.mutate({ id: tag.id })}>
            Delete tag
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
