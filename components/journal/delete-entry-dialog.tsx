"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { longDate } from "./journal-constants";

/** Delete, after a confirmation that names the day. */
export function DeleteEntryDialog({ date, pending, onConfirm }: { date: string; pending: boolean; onConfirm(): Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="outline">
          <Trash2 className="size-4" aria-hidden />
          Delete
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete this entry?</DialogTitle>
          <DialogDescription>The entry of {longDate(date)} (ratings, tags and notes) is removed for good. Your tags stay.</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline">
              Keep it
            </Button>
          </DialogClose>
          <Button type="button" variant="destructive" pending={pending} onClick={() => void onConfirm().then(() => setOpen(false), () => setOpen(false))}>
            Delete entry
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
