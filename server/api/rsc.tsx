import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { makeQueryClient } from "@/components/providers/query-client";
import { createContext } from "../context";
import { appRouter } from "../root";
import { createCallerFactory } from "../trpc";

/** One QueryClient per server request. */
export const getQueryClient = cache(makeQueryClient);

const getContext = cache(async () => createContext(await headers()));

/** Query options for prefetching in server components: `prefetch(trpc.profile.get.queryOptions())`. */
export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

/** Direct server-side calls (no HTTP hop) for pages that only need the data. */
export const serverCaller = cache(async () => createCallerFactory(appRouter)(await getContext()));

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/**
 * Runs a query on the server for the page's client components. Await it: the server then renders
 * the same data the browser hydrates with. (Handing the query over still pending made React
 * render a second, client-side copy of the page next to the server's during hydration.)
 */
export function prefetch(options: { queryKey: readonly unknown[] }): Promise<void> {
  return getQueryClient().prefetchQuery(options as never);
}
