import { Watch } from "lucide-react";
import { redirect } from "next/navigation";
import { firstName, greetingFor } from "@/components/profile/greeting";
import { ProfileSummaryCard } from "@/components/profile/profile-summary-card";
import { currentProfile, requireUser } from "@/components/shell/session";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const profile = await currentProfile(user.id);
  if (!profile.onboardingCompleted) redirect("/onboarding");

  const name = firstName(profile.name);
  const today = new Intl.DateTimeFormat("en", { weekday: "long", day: "numeric", month: "long", timeZone: profile.timeZone }).format(new Date());
  return (
    <>
      <PageHeader title={`${greetingFor(new Date(), profile.timeZone)}${name ? `, ${name}` : ""}`} description={today} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <EmptyState
          icon={<Watch />}
          title="No wearable data yet"
          description="Your energy score, sleep, heart rate and activity appear here once data from a wearable reaches BioSync. Until then there is nothing to score."
          className="min-h-64"
        />
        <ProfileSummaryCard profile={profile} />
      </div>
    </>
  );
}
