import { redirect } from "next/navigation";
import { recentRange } from "@/components/dashboard/metric-format";
import { RecentDays } from "@/components/dashboard/recent-days";
import { firstName, greetingFor } from "@/components/profile/greeting";
import { ProfileSummaryCard } from "@/components/profile/profile-summary-card";
import { currentProfile, requireUser } from "@/components/shell/session";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const profile = await currentProfile(user.id);
  if (!profile.onboardingCompleted) redirect("/onboarding");

  const range = recentRange();
  await Promise.all([prefetch(trpc.timeseries.latest.queryOptions()), prefetch(trpc.timeseries.range.queryOptions(range))]);

  const name = firstName(profile.name);
  const today = new Intl.DateTimeFormat("en", { weekday: "long", day: "numeric", month: "long", timeZone: profile.timeZone }).format(new Date());
  return (
    <>
      <PageHeader title={`${greetingFor(new Date(), profile.timeZone)}${name ? `, ${name}` : ""}`} description={today} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <HydrateClient>
          <RecentDays units={profile.units} range={range} />
        </HydrateClient>
        <ProfileSummaryCard profile={profile} />
      </div>
    </>
  );
}
