"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";

/** The privacy settings and their update: a save replaces the cached settings and says `savedTitle`. */
export function usePrivacySettings(savedTitle: string, onSaved?: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data } = useSuspenseQuery(trpc.privacy.settings.get.queryOptions());
  const update = useMutation(
    trpc.privacy.settings.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.privacy.settings.get.queryKey(), saved);
        onSaved?.();
        toast({ title: savedTitle, variant: "success" });
      },
    }),
  );
  return { data, update };
}
