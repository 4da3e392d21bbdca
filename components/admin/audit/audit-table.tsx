import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/time-format";

interface AuditRow {
  id: string;
  at: Date;
  action: string;
  label: string;
  actorUserId: string | null;
  actorEmail: string | null;
  subjectUserId: string | null;
  subjectEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

function Person({ id, email, fallback }: { id: string | null; email: string | null; fallback: string }) {
  if (!id) return <span className="text-zinc-500">{fallback}</span>;
  return (
    <Link href={`/admin/users/${id}`} className="break-all text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
      {email ?? id}
    </Link>
  );
}

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-zinc-500">{key}</dt>
          <dd className="break-words">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditTable({ events }: { events: AuditRow[] }) {
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>When (UTC)</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Actor</TableHead>
            <TableHead>Subject</TableHead>
            <TableHead className="hidden lg:table-cell">Details</TableHead>
            <TableHead className="hidden md:table-cell">IP</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((event) => (
            <TableRow key={event.id} data-testid="audit-row">
              <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(event.at, "UTC")}</TableCell>
              <TableCell>
                <code className="text-xs">{event.action}</code>
                <p className="text-xs text-zinc-500">{event.label}</p>
              </TableCell>
              <TableCell>
                <Person id={event.actorUserId} email={event.actorEmail} fallback="System" />
              </TableCell>
              <TableCell>
                <Person id={event.subjectUserId} email={event.subjectEmail} fallback="—" />
              </TableCell>
              <TableCell className="hidden max-w-sm lg:table-cell">
                <Details details={event.details} />
              </TableCell>
              <TableCell className="hidden md:table-cell">{event.ip ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
