"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

const EMAIL_NOTE = {
  sent: "It is in your list and on its way to your inbox.",
  deferred: "It is in your list; its email waits for your quiet hours to end.",
  off: "It is in your list. Its email is off in your notification settings.",
  pending: "It is in your list and on its way to your inbox.",
} as const;

/** Sends today's daily summary now, marked as a preview (the scheduled one still comes). */
export function PreviewButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const preview = useMutation(
    trpc.notifications.previewDailySummary.mutationOptions({
      onSuccess: async ({ email }) => {
        toast({ title: "Preview sent", description: EMAIL_NOTE[email], variant: "success" });
        await queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
        router.refresh();
      },
      onError: (error) => toast({ title: "No preview sent", description: error.message, variant: "error" }),
    }),
  );
  return (
    <Button variant="outline" onClick={() => preview.mutate()} pending={preview.isPending}>
      <Send className="size-4" aria-hidden />
      Preview the daily summary
    </Button>
  );
}
