import { ConnectResultBanner } from "@/components/devices/connect-result-banner";
import { HISTORY_PAGE_SIZE } from "@/components/devices/format";
import { ConnectionsSection } from "@/components/devices/connections-section";
import { ImportsSection } from "@/components/imports/imports-section";
import { PrioritySection } from "@/components/devices/priority-section";
import { SyncHistorySection } from "@/components/devices/sync-history-section";
import { currentProfile, requireUser } from "@/components/shell/session";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { providerDisplayName } from "@/server/health/devices/devices";

export const metadata = { title: "Devices" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) => (typeof value === "string" && value.length > 0 ? value : null);

/** Connections, sync history and source priority. Each block is its own section; more can be appended. */
export default async function DevicesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/devices");
  const profile = await currentProfile(user.id);
  const params = await searchParams;
  const connected = single(params.connected);
  await Promise.all([
    prefetch(trpc.devices.providers.queryOptions()),
    prefetch(trpc.devices.history.queryOptions({ limit: HISTORY_PAGE_SIZE })),
    prefetch(trpc.devices.priority.get.queryOptions()),
    prefetch(trpc.devices.priority.recompute.queryOptions()),
  ]);

  return (
    <>
      <PageHeader title="Devices" description="Connect wearables, see how their data is syncing, and choose which source counts." />
      <ConnectResultBanner connectedName={connected ? providerDisplayName(connected) : null} error={single(params.error)} />
      <HydrateClient>
        <div className="flex flex-col gap-10">
          <ConnectionsSection timeZone={profile.timeZone} />
          <SyncHistorySection timeZone={profile.timeZone} />
          <PrioritySection />
          <ImportsSection timeZone={profile.timeZone} />
        </div>
      </HydrateClient>
    </>
  );
}
