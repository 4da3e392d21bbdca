import { SleepOverview } from "@/components/sleep/sleep-overview";
import { bodyPage } from "@/components/trends/body-page";
import { RangeLinks } from "@/components/trends/range-links";
import { parseDays, rangeEnding } from "@/components/trends/range";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Sleep" };

const RANGES = [14, 30, 60] as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SleepPage({ searchParams }: { searchParams: SearchParams }) {
  const { today, prefs } = await bodyPage("/sleep");
  const days = parseDays((await searchParams).days, RANGES, 30);
  const range = rangeEnding(today, days);
  await prefetch(trpc.trends.sleepNights.queryOptions(range));
  return (
    <>
      <PageHeader title="Sleep" description="Your nights: stages, efficiency, sleep debt and consistency." actions={<RangeLinks path="/sleep" days={days} options={RANGES} />} />
      <HydrateClient>
        <SleepOverview range={range} prefs={prefs} />
      </HydrateClient>
    </>
  );
}
