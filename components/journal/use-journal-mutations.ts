"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";
import { longDate } from "./journal-constants";

/** Saving and deleting an entry, each refreshing every view of the journal (entry, list, calendar, tags). */
export function useJournalMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.journal.pathKey() });
  const save = useMutation(
    trpc.journal.save.mutationOptions({
      onSuccess: async (entry) => {
        queryClient.setQueryData(trpc.journal.get.queryKey({ date: entry.date }), entry);
        toast({ title: "Entry saved", description: longDate(entry.date), variant: "success" });
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.journal.delete.mutationOptions({
      onSuccess: async (deleted) => {
        queryClient.setQueryData(trpc.journal.get.queryKey({ date: deleted.date }), null);
        toast({ title: "Entry deleted", description: longDate(deleted.date), variant: "success" });
        await refresh();
      },
      onError: (error) => toast({ title: "The entry was not deleted", description: error.message, variant: "error" }),
    }),
  );
  return { save, remove };
}
