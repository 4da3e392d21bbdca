import { formatDistanceToNowStrict } from "date-fns";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  tag: string | null;
  transport: "resend" | "outbox";
  status: "stored" | "sent" | "failed";
  secretLink: "none" | "stored" | "removed";
  createdAt: Date;
}

const statusVariant = { stored: "neutral", sent: "success", failed: "danger" } as const;

export function OutboxTable({ emails }: { emails: OutboxRow[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Recipient</TableHead>
          <TableHead>Subject</TableHead>
          <TableHead>Tag</TableHead>
          <TableHead>Delivery</TableHead>
          <TableHead>When</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {emails.map((email) => (
          <TableRow key={email.id} data-testid="outbox-row">
            <TableCell className="whitespace-nowrap">{email.to}</TableCell>
            <TableCell>
              <Link href={`/admin/outbox/${email.id}`} className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
                {email.subject}
              </Link>
            </TableCell>
            <TableCell>
              <div className="flex flex-wrap gap-1">
                {email.tag ? <Badge variant="outline">{email.tag}</Badge> : null}
                {email.secretLink === "stored" ? (
                  <Badge variant="warning" title="Holds a working link to the recipient's account; opening it is audited">
                    live link
                  </Badge>
                ) : null}
              </div>
            </TableCell>
            <TableCell>
              <Badge variant={statusVariant[email.status]}>{email.transport === "outbox" ? "outbox" : `resend · ${email.status}`}</Badge>
            </TableCell>
            <TableCell className="whitespace-nowrap" title={email.createdAt.toISOString()}>
              {formatDistanceToNowStrict(email.createdAt, { addSuffix: true })}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
