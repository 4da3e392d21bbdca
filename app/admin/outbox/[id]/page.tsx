import { format } from "date-fns";
import Link from "next/link";
import { DetailList } from "@/components/admin/detail-list";
import { loadOrNotFound } from "@/components/admin/load-or-not-found";
import { ResendButton } from "@/components/admin/outbox/resend-button";
import { requireAdmin } from "@/components/shell/session";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/api/rsc";

export const metadata = { title: "Email" };

export default async function AdminOutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdmin(`/admin/outbox/${id}`);
  const api = await serverCaller();
  const email = await loadOrNotFound(() => api.outbox.get({ id }));

  return (
    <>
      <Link href="/admin/outbox" className="mb-2 inline-block text-sm text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
        ← Outbox
      </Link>
      <PageHeader title={email.subject} />
      {email.secretLink === "stored" ? (
        <Alert className="mb-4" data-testid="email-secret-link">
          This email holds a working link to the account of <strong className="break-all">{email.to}</strong>: the outbox is the mailbox, since Resend is not
          configured. This opening was recorded in the audit trail under your name.
        </Alert>
      ) : null}
      {email.secretLink === "removed" ? <Alert className="mb-4">The link in this email was removed from the stored copy once Resend had it.</Alert> : null}
      <div className="flex flex-col gap-6">
        <Card>
          <CardContent className="pt-6">
            <DetailList
              items={[
                { label: "From", value: email.from },
                { label: "To", value: <span data-testid="email-to">{email.to}</span> },
                { label: "Subject", value: email.subject },
                { label: "Sent", value: format(email.createdAt, "yyyy-MM-dd HH:mm:ss") },
                { label: "Tag", value: email.tag },
                { label: "Delivery", value: email.transport === "outbox" ? "Kept in the outbox (Resend not configured)" : `Resend · ${email.status}` },
                { label: "Resend id", value: email.providerMessageId },
                ...(email.error ? [{ label: "Error", value: <span className="text-red-700 dark:text-red-400">{email.error}</span> }] : []),
              ]}
            />
            {email.status === "failed" && email.secretLink === "none" ? (
              <div className="mt-4">
                <ResendButton emailId={email.id} />
              </div>
            ) : null}
          </CardContent>
        </Card>
        <div className="grid gap-6 xl:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>HTML</CardTitle>
            </CardHeader>
            <CardContent>
              {/* An empty sandbox: the email's markup cannot run scripts, submit forms or reach this page. */}
              <iframe title="Email HTML preview" sandbox="" srcDoc={email.html} className="h-[36rem] w-full rounded-md border border-zinc-200 bg-white dark:border-zinc-800" />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Plain text</CardTitle>
            </CardHeader>
            <CardContent>
              <pre data-testid="email-text" className="max-h-[36rem] overflow-auto whitespace-pre-wrap break-words rounded-md bg-zinc-100 p-3 text-sm leading-6 dark:bg-zinc-950">
                {email.text}
              </pre>
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
