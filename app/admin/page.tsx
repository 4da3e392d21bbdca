import { AdminOverview } from "@/components/admin/overview/admin-overview";
import { requireAdmin } from "@/components/shell/session";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/api/rsc";

export const metadata = { title: "Admin overview" };

export default async function AdminOverviewPage() {
  await requireAdmin("/admin");
  const overview = await (await serverCaller()).admin.overview();
  return (
    <>
      <PageHeader title="Overview" description="Accounts, activity, plans and revenue across this BioSync installation." />
      <AdminOverview overview={overview} />
    </>
  );
}
