"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";

/** The signed-in user's plan (shared by every hint and meter on a page: one request). */
export function useCurrentPlan() {
  const trpc = useTRPC();
  return useQuery(trpc.plans.current.queryOptions(undefined, { staleTime: 30_000 }));
}
