import { ScrollText } from "lucide-react";
import { AuditFilters, type AuditFilterValues } from "@/components/admin/audit/audit-filters";
import { AuditTable } from "@/components/admin/audit/audit-table";
import { CursorPager } from "@/components/admin/cursor-pager";
import { firstParam, withQuery } from "@/components/admin/query-string";
import { requireAdmin } from "@/components/shell/session";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/api/rsc";
import { auditActions, type AuditAction } from "@/server/platform/audit/audit";

export const metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

type Params = Record<string, string | string[] | undefined>;

function parseDay(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined;
}

function parseFilters(params: Params): AuditFilterValues {
  const text = (value: string | undefined) => value?.trim().slice(0, 320) || undefined;
  const action = firstParam(params.action);
  return {
    action: auditActions.find((a) => a === action),
    actor: text(firstParam(params.actor)),
    subject: text(firstParam(params.subject)),
    from: parseDay(firstParam(params.from)),
    to: parseDay(firstParam(params.to)),
  };
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireAdmin("/admin/audit");
  const params = await searchParams;
  const filters = parseFilters(params);
  const cursor = firstParam(params.cursor);
  const page = await (await serverCaller()).admin.audit.list({
    limit: PAGE_SIZE,
    cursor,
    action: filters.action as AuditAction | undefined,
    actorEmail: filters.actor,
    subjectEmail: filters.subject,
    from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
    // "To" is a whole day: everything before the next midnight.
    to: filters.to ? new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) : undefined,
  });
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader title="Audit log" description="Sensitive reads and admin actions: who did what, to whose account, from where and why." />
      <AuditFilters values={filters} />
      {page.items.length === 0 ? (
        <EmptyState
          icon={<ScrollText />}
          title={filtered ? "No entries match" : "Nothing recorded yet"}
          description={filtered ? "Try a wider date range or another action." : "Admin actions and openings of someone's data appear here."}
        />
      ) : (
        <Card>
          <AuditTable events={page.items} />
        </Card>
      )}
      <CursorPager basePath={withQuery("/admin/audit", { ...filters })} paged={Boolean(cursor)} nextCursor={page.nextCursor} />
    </>
  );
}
