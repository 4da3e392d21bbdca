import { Inbox } from "lucide-react";
import { CursorPager } from "@/components/admin/cursor-pager";
import { OutboxTable } from "@/components/admin/outbox/outbox-table";
import { SearchForm } from "@/components/admin/search-form";
import { firstParam, withQuery } from "@/components/admin/query-string";
import { requireAdmin } from "@/components/shell/session";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/api/rsc";
import { env } from "@/server/env";

export const metadata = { title: "Email outbox" };

const PAGE_SIZE = 25;

export default async function AdminOutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin("/admin/outbox");
  const params = await searchParams;
  const to = firstParam(params.to)?.trim().slice(0, 320) || undefined;
  const cursor = firstParam(params.cursor);
  const page = await (await serverCaller()).outbox.list({ limit: PAGE_SIZE, to, cursor });

  return (
    <>
      <PageHeader
        title="Email outbox"
        description={
          env().RESEND_API_KEY
            ? "Every email BioSync handed to Resend, with failed attempts. The stored copies keep no reset, verification or email-change link."
            : "Resend is not configured, so emails are kept here instead of being delivered."
        }
      />
      {env().RESEND_API_KEY ? null : (
        <Alert className="mb-4" data-testid="outbox-is-mailbox">
          This outbox is the mailbox: no email leaves the server, and the reset, verification and email-change links in these emails work for whoever opens
          them. Every opening of an email that holds such a link is recorded in the audit trail under your name. Set <code>RESEND_API_KEY</code> to deliver emails
          instead.
        </Alert>
      )}
      <SearchForm action="/admin/outbox" name="to" label="Recipient" placeholder="Search by recipient" value={to} />
      {page.items.length === 0 ? (
        <EmptyState
          icon={<Inbox />}
          title={to ? "No emails match" : "No emails yet"}
          description={to ? `Nothing was sent to an address containing “${to}”.` : "Verification and password reset emails appear here once they are sent."}
        />
      ) : (
        <Card>
          <OutboxTable emails={page.items} />
        </Card>
      )}
      <CursorPager basePath={withQuery("/admin/outbox", { to })} paged={Boolean(cursor)} nextCursor={page.nextCursor} />
    </>
  );
}
