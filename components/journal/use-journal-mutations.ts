"use client";

import type { z } from "zod";
import { useSyncedAction } from "@/components/profile/use-synced-action";
import { useToast } from "@/components/ui/toast";
import type { saveEntryInput } from "@/server/health/journal/schemas";
import { longDate } from "./journal-constants";

/** Saving and deleting a date's entry on this device (sent when online); every view of the journal reads the same copy. */
export function useJournalMutations() {
  const toast = useToast();
  const save = useSyncedAction<z.input<typeof saveEntryInput>>("journal.saveEntry", (entry) =>
    toast({
      title: "Entry saved",
      description: longDate(entry.date),
      variant: "success",
    }),
  );
  const remove = useSyncedAction<{ date: string }>("journal.deleteEntry", (deleted) =>
    toast({
      title: "Entry deleted",
      description: longDate(deleted.date),
      variant: "success",
    }),
  );
  return { save, remove };
}
