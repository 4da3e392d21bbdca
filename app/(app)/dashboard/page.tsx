import { redirect } from "next/navigation";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { firstName, greetingFor } from "@/components/profile/greeting";
import { ProfileSummaryCard } from "@/components/profile/profile-summary-card";
import { currentProfile, requireUser } from "@/components/shell/session";
import { PageHeader } from "@/components/ui/page-header";
import { unitPrefsOf } from "@/server/health/analytics/trends/units";
import { HydrateClient, prefetch, trpc } from "@/server/api/rsc";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const profile = await currentProfile(user.id);
  if (!profile.onboardingCompleted) redirect("/onboarding");

  await prefetch(trpc.insights.dashboard.queryOptions());

  const name = firstName(profile.name);
  const today = new Intl.DateTimeFormat("en", { weekday: "long", day: "numeric", month: "long", timeZone: profile.timeZone }).format(new Date());
  return (
    <>
      <PageHeader title={`${greetingFor(new Date(), profile.timeZone)}${name ? `, ${name}` : ""}`} description={today} />
      <HydrateClient>
        <DashboardView units={unitPrefsOf(profile)} timeZone={profile.timeZone} aside={<ProfileSummaryCard profile={profile} />} />
      </HydrateClient>
    </>
  );
}
