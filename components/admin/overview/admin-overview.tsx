import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AdminOverview as Overview } from "@/server/admin/overview";
import { SignupsChart } from "./signups-chart";
import { StatCard } from "./stat-card";

function percent(part: number, whole: number): string {
  return whole === 0 ? "0%" : `${Math.round((part / whole) * 100)}%`;
}

const ROLE_LABELS = { user: "Users", admin: "Admins" } as const;

export function AdminOverview({ overview }: { overview: Overview }) {
  const recentSignups = overview.signupsPerDay.reduce((sum, day) => sum + day.count, 0);
  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Total accounts" value={overview.totalUsers} />
        <StatCard label={`Signups, last ${overview.signupsPerDay.length} days`} value={recentSignups} />
        <StatCard label="Verified email" value={overview.verifiedUsers} detail={`${percent(overview.verifiedUsers, overview.totalUsers)} of accounts`} />
        <StatCard label="Not verified" value={overview.unverifiedUsers} detail={`${percent(overview.unverifiedUsers, overview.totalUsers)} of accounts`} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader>
            <CardTitle>Signups per day</CardTitle>
            <CardDescription>New accounts over the last two weeks.</CardDescription>
          </CardHeader>
          <CardContent>
            <SignupsChart data={overview.signupsPerDay} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Accounts by role</CardTitle>
          </CardHeader>
          <CardContent>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Role</TableHead>
                  <TableHead className="text-right">Accounts</TableHead>
                  <TableHead className="text-right">Share</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {overview.usersByRole.map((row) => (
                  <TableRow key={row.role}>
                    <TableCell>{ROLE_LABELS[row.role]}</TableCell>
                    <TableCell className="text-right tabular-nums">{row.count}</TableCell>
                    <TableCell className="text-right tabular-nums">{percent(row.count, overview.totalUsers)}</TableCell>
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
