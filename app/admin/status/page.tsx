import { StatusBoard } from "@/components/admin/status/status-board";
import { requireAdmin } from "@/components/shell/session";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/api/rsc";

export const metadata = { title: "System status" };

export default async function AdminStatusPage() {
  await requireAdmin("/admin/status");
  const status = await (await serverCaller()).admin.status.get();
  return (
    <>
      <PageHeader
        title="System status"
        description={
          <>
            Request latency and errors over the last {status.report.window.minutes} minutes, webhooks and jobs over the last hour. Refreshes every 30 seconds; monitors read the
            same report at <code className="font-mono">/api/status</code>.
          </>
        }
      />
      <StatusBoard initial={status} />
    </>
  );
}
