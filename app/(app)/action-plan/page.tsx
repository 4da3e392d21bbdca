import { ActionPlanTabs } from "@/components/action-plan/action-plan-tabs";
import { tabFrom } from "@/components/action-plan/plan-constants";
import { currentProfile, requireUser } from "@/components/shell/session";
import { PageHeader } from "@/components/ui/page-header";
import { localDate } from "@/server/health/local-date";

export const metadata = { title: "Action plan" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The recommendations made from the user's score, risks and patterns, and what they did with them (from this device's synced copy). */
export default async function ActionPlanPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/action-plan");
  const profile = await currentProfile(user.id);
  const tab = tabFrom((await searchParams).tab);
  return (
    <>
      <PageHeader title="Action plan" description="Recommendations from your score, risk flags and patterns, each with what it is expected to change." />
      <ActionPlanTabs initialTab={tab} today={localDate(new Date(), null, profile.timeZone)} />
    </>
  );
}
