"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { useToast } from "@/components/ui/toast";

/**
 * The stored notification preferences, the profile (for its time zone) and a mutation that saves
 * some of them and shows `savedTitle` once stored: the email and the push settings both edit these.
 */
export function useNotificationPreferences(savedTitle: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data } = useSuspenseQuery(trpc.profile.notifications.get.queryOptions());
  const { data: profile } = useSuspenseQuery(trpc.profile.get.queryOptions());
  const update = useMutation(
    trpc.profile.notifications.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.profile.notifications.get.queryKey(), saved);
        toast({ title: savedTitle, variant: "success" });
      },
    }),
  );
  return { data, profile, update };
}
