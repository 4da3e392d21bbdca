import { Users } from "lucide-react";
import { CursorPager } from "@/components/admin/cursor-pager";
import { firstParam, withQuery } from "@/components/admin/query-string";
import { SearchForm } from "@/components/admin/search-form";
import { UsersTable } from "@/components/admin/users/users-table";
import { requireAdmin } from "@/components/shell/session";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/api/rsc";

export const metadata = { title: "Users" };

const PAGE_SIZE = 25;

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin("/admin/users");
  const params = await searchParams;
  const q = firstParam(params.q)?.trim().slice(0, 200) || undefined;
  const cursor = firstParam(params.cursor);
  const page = await (await serverCaller()).admin.users.search({ q, cursor, limit: PAGE_SIZE });

  return (
    <>
      <PageHeader title="Users" description="Find an account by email or name to see its plan, devices and sessions, and act on it." />
      <SearchForm action="/admin/users" name="q" label="Email or name" placeholder="Search by email or name" value={q} />
      {page.items.length === 0 ? (
        <EmptyState
          icon={<Users />}
          title={q ? "No accounts match" : "No accounts yet"}
          description={q ? `No email or name contains “${q}”.` : "Accounts appear here once people sign up."}
        />
      ) : (
        <Card>
          <UsersTable users={page.items} />
        </Card>
      )}
      <CursorPager basePath={withQuery("/admin/users", { q })} paged={Boolean(cursor)} nextCursor={page.nextCursor} />
    </>
  );
}
