import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PLANS } from "@/server/account/plans/catalog";
import type { AdminOverview as Overview } from "@/server/admin/overview";
import { formatCents, formatPercent } from "./format";
import { SignupsChart } from "./signups-chart";
import { StatCard } from "./stat-card";

const ACTIVE_LABELS: Record<number, string> = { 1: "Active today", 7: "Active this week", 30: "Active this month" };

export function AdminOverview({ overview }: { overview: Overview }) {
  const recentSignups = overview.signupsPerDay.reduce((sum, day) => sum + day.count, 0);
  const { churn, averageEnergyScore: score } = overview;
  return (
    <div className="flex flex-col gap-6">
      <section aria-label="Accounts and activity" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Total accounts" value={overview.totalUsers} detail={`${overview.disabledUsers} disabled`} />
        {overview.activeUsers.map((active) => (
          <StatCard
            key={active.days}
            label={ACTIVE_LABELS[active.days] ?? `Active, ${active.days} days`}
            value={active.count}
            detail={`Seen in the last ${active.days === 1 ? "24 hours" : `${active.days} days`} · ${formatPercent(active.count, overview.totalUsers)} of accounts`}
          />
        ))}
      </section>
      <section aria-label="Revenue and health" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="MRR" value={formatCents(overview.mrrCents)} detail="Monthly amounts of live subscriptions" />
        <StatCard
          label={`Churn, last ${churn.windowDays} days`}
          value={churn.rate === null ? "—" : formatPercent(churn.canceled, churn.liveAtStart)}
          detail={`${churn.canceled} of ${churn.liveAtStart} paid subscriptions live ${churn.windowDays} days ago were canceled`}
        />
        <StatCard
          label="Average energy score"
          value={score.value === null ? "—" : score.value.toFixed(1)}
          detail={`Mean of each user's latest score in the last ${score.windowDays} days (${score.users} users)`}
        />
        <StatCard label={`Signups, last ${overview.signupsPerDay.length} days`} value={recentSignups} />
      </section>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle>Signups per day</CardTitle>
            <CardDescription>New accounts over the last {overview.signupsPerDay.length} days.</CardDescription>
          </CardHeader>
          <CardContent>
            <SignupsChart data={overview.signupsPerDay} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Users per plan</CardTitle>
            <CardDescription>Free: no live subscription.</CardDescription>
          </CardHeader>
          <CardContent>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Plan</TableHead>
                  <TableHead className="text-right">Users</TableHead>
                  <TableHead className="text-right">Share</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {overview.usersByPlan.map((row) => (
                  <TableRow key={row.plan} data-testid={`plan-count-${row.plan}`}>
                    <TableCell>{PLANS[row.plan].name}</TableCell>
                    <TableCell className="text-right tabular-nums">{row.count}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatPercent(row.count, overview.totalUsers)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
