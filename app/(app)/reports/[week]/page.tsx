import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MakeReportButton } from "@/components/reports/make-report-button";
import { ReportDetail } from "@/components/reports/report-detail";
import { currentProfile, requireUser } from "@/components/shell/session";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/api/rsc";
import { isoWeek } from "@/server/inputs";
import { formatWeekRange } from "@/server/health/reports/format";
import { isCompleteWeek, todayIn, weekEndOf, weekStartOf } from "@/server/health/reports/week";

export const metadata = { title: "Weekly report" };

const made = (at: Date, timeZone: string) =>
  at.toLocaleString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone });

/** One week's report (e.g. /reports/2026-W48) as it was made; for a week without one, the way to make it. */
export default async function ReportPage({ params }: { params: Promise<{ week: string }> }) {
  const { week } = await params;
  const user = await requireUser(`/reports/${week}`);
  if (!isoWeek.safeParse(week).success) notFound();
  const profile = await currentProfile(user.id);
  const weekStart = weekStartOf(week);
  const range = formatWeekRange({ weekStart, weekEnd: weekEndOf(weekStart) });
  const report = await (await serverCaller()).reports.get({ week }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  });

  return (
    <>
      <Link href="/reports" className="mb-2 inline-block text-sm text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
        ← Weekly reports
      </Link>
      <PageHeader title={`Week of ${range}`} description={report ? `${week} · made ${made(report.computedAt, profile.timeZone)}` : week} />
      {report ? (
        <ReportDetail report={report} />
      ) : isCompleteWeek(weekStart, todayIn(new Date(), profile.timeZone)) ? (
        <EmptyState
          title="No report for this week yet"
          description="Reports are made on the Monday after a week with data. If you had data that week, you can make its report now."
          action={<MakeReportButton week={week} />}
        />
      ) : (
        <EmptyState title="This week is not over yet" description="Its report comes on the Monday after it, once the whole week is in." />
      )}
    </>
  );
}
