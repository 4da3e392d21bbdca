import { HeartOverview } from "@/components/heart/heart-overview";
import { heartInputs } from "@/components/heart/queries";
import { bodyPage } from "@/components/trends/body-page";
import { RangeLinks } from "@/components/trends/range-links";
import { parseDay, parseDays, rangeEnding } from "@/components/trends/range";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Heart" };

const RANGES = [7, 30, 90] as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HeartPage({ searchParams }: { searchParams: SearchParams }) {
  const { today } = await bodyPage("/heart");
  const params = await searchParams;
  const days = parseDays(params.days, RANGES, 30);
  const day = parseDay(params.day, today) ?? today;
  const range = rangeEnding(today, days);
  const inputs = heartInputs({ day, range });
  await Promise.all([
    prefetch(trpc.trends.series.queryOptions(inputs.hourly)),
    prefetch(trpc.trends.series.queryOptions(inputs.daily)),
    prefetch(trpc.trends.series.queryOptions(inputs.resting)),
    prefetch(trpc.trends.series.queryOptions(inputs.hrv)),
    prefetch(trpc.trends.bands.queryOptions(inputs.restingBands)),
    prefetch(trpc.trends.bands.queryOptions(inputs.hrvBands)),
  ]);
  return (
    <>
      <PageHeader
        title="Heart"
        description="Heart rate, resting heart rate and HRV, each against your own normal range."
        actions={<RangeLinks path="/heart" days={days} options={RANGES} extra={day === today ? {} : { day }} />}
      />
      <HydrateClient>
        <HeartOverview day={day} today={today} range={range} days={days} />
      </HydrateClient>
    </>
  );
}
