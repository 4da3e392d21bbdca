import Link from "next/link";
import { DetailList } from "@/components/admin/detail-list";
import { loadOrNotFound } from "@/components/admin/load-or-not-found";
import { formatCents } from "@/components/admin/overview/format";
import { AccountActions } from "@/components/admin/users/account-actions";
import { PlanBadge, StatusBadge } from "@/components/admin/users/account-badges";
import { ConnectionsTable, SessionsTable } from "@/components/admin/users/account-tables";
import { HealthDataViewer } from "@/components/admin/users/health-data-viewer";
import { PlanForm } from "@/components/admin/users/plan-form";
import { requireAdmin } from "@/components/shell/session";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/components/ui/time-format";
import { serverCaller } from "@/server/api/rsc";

export const metadata = { title: "User" };

const when = (date: Date | null) => (date ? formatDateTime(date, "UTC") + " UTC" : null);

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const admin = await requireAdmin(`/admin/users/${id}`);
  const api = await serverCaller();
  const user = await loadOrNotFound(() => api.admin.users.get({ userId: id }));
  const { account, subscription } = user;

  return (
    <>
      <Link href="/admin/users" className="mb-2 inline-block text-sm text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
        ← Users
      </Link>
      <PageHeader title={account.name ?? account.email} description="Opening this page was recorded in the audit log." />
      {account.disabledAt ? (
        <Alert variant="error" className="mb-4">
          This account was disabled on {when(account.disabledAt)}: it cannot sign in.
        </Alert>
      ) : null}
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Account</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            <DetailList
              items={[
                { label: "Email", value: <span data-testid="user-email">{account.email}</span> },
                { label: "Name", value: account.name },
                { label: "Role", value: account.role === "admin" ? "Admin" : "User" },
                { label: "Status", value: <StatusBadge disabled={account.disabledAt !== null} /> },
                { label: "Email verified", value: when(account.emailVerifiedAt) ?? "Not verified" },
                { label: "Joined", value: when(account.createdAt) },
              ]}
            />
            <AccountActions userId={account.id} disabled={account.disabledAt !== null} isSelf={account.id === admin.id} sessionCount={user.sessions.length} />
          </CardContent>
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                Plan <PlanBadge plan={user.plan} />
              </CardTitle>
              <CardDescription>
                {subscription
                  ? `${subscription.source === "stripe" ? "Stripe" : "Set by hand"} · ${subscription.status} · ${formatCents(subscription.monthlyAmountCents)} a month`
                  : "No subscription: the free plan."}
              </CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              {subscription ? (
                <DetailList
                  items={[
                    { label: "Started", value: when(subscription.startedAt) },
                    { label: "Period ends", value: when(subscription.currentPeriodEnd) },
                    { label: "Canceled", value: when(subscription.canceledAt) },
                  ]}
                />
              ) : null}
              {subscription?.source === "stripe" ? (
                <Alert>This plan comes from Stripe: a change here holds until Stripe sends the next change of the subscription.</Alert>
              ) : null}
              <PlanForm userId={account.id} plan={user.plan} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Health data</CardTitle>
              <CardDescription>Not shown without a reason: each opening is recorded, with the reason, in the audit log.</CardDescription>
            </CardHeader>
            <CardContent>
              <HealthDataViewer userId={account.id} />
            </CardContent>
          </Card>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Devices</CardTitle>
          </CardHeader>
          <CardContent>
            <ConnectionsTable connections={user.connections} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Active sessions</CardTitle>
          </CardHeader>
          <CardContent>
            <SessionsTable sessions={user.sessions} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
