import { CorrelationList } from "@/components/insights/correlation-list";
import { ForecastSection } from "@/components/insights/forecast-section";
import { CORRELATION_PAGE_SIZE, DEFAULT_SCORE_RANGE, rangeEnding, RISK_HISTORY_DAYS } from "@/components/insights/insights-constants";
import { RiskHistory } from "@/components/insights/risk-history";
import { ScoreHistorySection } from "@/components/insights/score-history-section";
import { currentProfile, requireUser } from "@/components/shell/session";
import { PageHeader } from "@/components/ui/page-header";
import { unitPrefsOf } from "@/server/health/analytics/trends/units";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/server/api/rsc";
import { localDate } from "@/server/health/local-date";

export const metadata = { title: "Insights" };

/** Score history, the forecast with its track record, correlations and risks: all read as stored. */
export default async function InsightsPage() {
  const user = await requireUser("/insights");
  const profile = await currentProfile(user.id);
  const today = localDate(new Date(), null, profile.timeZone);
  await Promise.all([
    prefetch(trpc.insights.scores.queryOptions(rangeEnding(today, DEFAULT_SCORE_RANGE))),
    prefetch(trpc.insights.forecast.queryOptions()),
    prefetch(trpc.insights.risks.queryOptions(rangeEnding(today, RISK_HISTORY_DAYS))),
    getQueryClient().prefetchInfiniteQuery(
      trpc.insights.correlations.infiniteQueryOptions({ significantOnly: true, limit: CORRELATION_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }),
    ),
  ]);

  return (
    <>
      <PageHeader title="Insights" description="What your data says over time: your score, what comes next, what goes with what, and what to watch." />
      <HydrateClient>
        <div className="flex flex-col gap-6">
          <ScoreHistorySection today={today} />
          <ForecastSection today={today} units={unitPrefsOf(profile)} />
          <CorrelationList />
          <RiskHistory today={today} units={unitPrefsOf(profile)} />
        </div>
      </HydrateClient>
    </>
  );
}
