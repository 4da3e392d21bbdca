"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { providersBusy, sortCards } from "./format";
import { ProviderCard } from "./provider-card";
import { DevicesSection } from "./section";

const BUSY_POLL_MS = 3000;

/** A card per provider; refreshes itself while a backfill or sync runs. */
export function ConnectionsSection({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const providers = useQuery({
    ...trpc.devices.providers.queryOptions(),
    refetchInterval: (query) => (providersBusy(query.state.data) ? BUSY_POLL_MS : false),
  });

  return (
    <DevicesSection id="connections" title="Connections" description="Wearables and services BioSync syncs from.">
      {providers.isPending ? (
        <div role="status" aria-label="Loading connections" className="grid gap-4 md:grid-cols-2">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-44" />
          ))}
        </div>
      ) : providers.isError ? (
        <Alert variant="error" className="flex flex-wrap items-center justify-between gap-2">
          <span>Could not load your connections: {providers.error.message}</span>
          <Button size="sm" variant="outline" onClick={() => void providers.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {sortCards(providers.data).map((card) => (
            <ProviderCard key={card.id} card={card} timeZone={timeZone} />
          ))}
        </div>
      )}
    </DevicesSection>
  );
}
