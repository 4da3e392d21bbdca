"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp } from "lucide-react";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { RecomputeProgress } from "./recompute-progress";
import { DevicesSection } from "./section";

const APPLE_HEALTH = "Apple Health (import)";

/**
 * The order in which sources count when two report the same thing. Each move saves at once;
 * focus follows the moved row so keyboard users can keep pressing the same button.
 */
export function PrioritySection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const order = useQuery(trpc.devices.priority.get.queryOptions());
  const providers = useQuery(trpc.devices.providers.queryOptions());
  const [announcement, setAnnouncement] = useState("");
  const list = useRef<HTMLOListElement>(null);
  const save = useMutation(
    trpc.devices.priority.set.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.devices.priority.get.queryKey(), saved);
        void queryClient.invalidateQueries({ queryKey: trpc.devices.priority.recompute.queryKey() });
      },
      onError: (error) => toast({ title: "Could not save the order", description: error.message, variant: "error" }),
    }),
  );
  const names = new Map<string, string>((providers.data ?? []).map((card) => [card.id, card.displayName]));
  const nameOf = (id: string) => names.get(id) ?? (id === "apple_health" ? APPLE_HEALTH : id);
  const current = save.isPending && save.variables ? save.variables.order : order.data;

  const move = (index: number, delta: -1 | 1) => {
    if (!current) return;
    const target = index + delta;
    const moved = current[index];
    if (!moved || target < 0 || target >= current.length) return;
    const next = [...current];
    next.splice(index, 1);
    next.splice(target, 0, moved);
    save.mutate({ order: next });
    setAnnouncement(`${nameOf(moved)} moved to position ${target + 1} of ${next.length}.`);
    // Keep focus on the same control of the moved row; at either end, on the other one.
    const atEdge = target === 0 || target === next.length - 1;
    const key = `${moved}:${atEdge ? (delta < 0 ? "down" : "up") : delta < 0 ? "up" : "down"}`;
    requestAnimationFrame(() => list.current?.querySelector<HTMLButtonElement>(`[data-control="${key}"]`)?.focus());
  };

  return (
    <DevicesSection
      id="priority"
      title="Source priority"
      description="When two sources report the same thing (say, last night's sleep), the higher one counts. The other's data is kept, never counted twice. After a change your daily summaries are re-computed in the background."
    >
      {order.isPending ? (
        <div role="status" aria-label="Loading source priority" className="flex flex-col gap-2">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-12" />
          ))}
        </div>
      ) : order.isError ? (
        <Alert variant="error">Could not load the source priority: {order.error.message}</Alert>
      ) : (
        <ol
          ref={list}
          aria-label="Source priority, highest first" className="flex flex-col divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {(current ?? []).map((provider, index, all) => (
            <li key={provider} className="flex items-center gap-3 px-4 py-2">
              <span className="w-6 text-sm tabular-nums text-zinc-500" aria-hidden>
                {index + 1}.
              </span>
              <span className="flex-1 text-sm font-medium">{nameOf(provider)}</span>
              <Button
                data-control={`${provider}:up`}
                variant="ghost"
                size="icon"
                className="size-9"
                disabled={index === 0}
                aria-label={`Move ${nameOf(provider)} up`}
                onClick={() => move(index, -1)}
              >
                <ArrowUp className="size-4" aria-hidden />
              </Button>
              <Button
                data-control={`${provider}:down`}
                variant="ghost"
                size="icon"
                className="size-9"
                disabled={index === all.length - 1}
                aria-label={`Move ${nameOf(provider)} down`}
                onClick={() => move(index, 1)}
              >
                <ArrowDown className="size-4" aria-hidden />
              </Button>
            </li>
          ))}
        </ol>
      )}
      <RecomputeProgress />
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </DevicesSection>
  );
}
