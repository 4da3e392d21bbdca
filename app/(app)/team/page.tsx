import { requireUser } from "@/components/shell/session";
import { CreateOrganization } from "@/components/teams/create-organization";
import { TeamDashboard } from "@/components/teams/team-dashboard";
import { TeamUpgradeNotice } from "@/components/teams/upgrade-notice";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { PLANS } from "@/server/account/plans/catalog";
import { upgradeRequired } from "@/server/account/plans/procedure";
import { currentPlan } from "@/server/account/plans/subscriptions";
import { myOrganizations } from "@/server/account/teams/organizations";

export const metadata = { title: "Team" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The team dashboard: the user's organization, or how to start one (or the plan that has it). */
export default async function TeamPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/team");
  const requested = (await searchParams).org;
  const db = await getDb();
  const [organizations, plan] = await Promise.all([myOrganizations(db, user.id), currentPlan(db, user.id)]);
  const selected = organizations.find((org) => org.id === requested) ?? organizations[0];
  const canCreate = PLANS[plan].entitlements.flags["team-dashboard"];
  return (
    <>
      <PageHeader title="Team" description="Your organization, its coaches and members. Members choose whether a coach sees their energy scores." />
      {selected ? (
        <TeamDashboard organizations={organizations} organizationId={selected.id} />
      ) : canCreate ? (
        <CreateOrganization />
      ) : (
        <TeamUpgradeNotice message={upgradeRequired("team-dashboard", plan).message} />
      )}
    </>
  );
}
