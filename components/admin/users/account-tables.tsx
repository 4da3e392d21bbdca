import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

interface ConnectionRow {
  id: string;
  provider: string;
  status: string;
  lastSyncAt: Date | null;
  lastError: string | null;
  connectedAt: Date;
}

interface SessionRow {
  id: string;
  device: string;
  ip: string | null;
  factor: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

const never = <span className="text-zinc-400">Never</span>;

export function ConnectionsTable({ connections }: { connections: ConnectionRow[] }) {
  if (connections.length === 0) return <p className="text-sm text-zinc-500">No device connected.</p>;
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Provider</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Last sync</TableHead>
            <TableHead className="hidden md:table-cell">Connected</TableHead>
            <TableHead className="hidden md:table-cell">Last error</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {connections.map((c) => (
            <TableRow key={c.id}>
              <TableCell className="capitalize">{c.provider}</TableCell>
              <TableCell>
                <Badge variant={c.status === "active" ? "success" : c.status === "error" ? "danger" : "neutral"}>{c.status}</Badge>
              </TableCell>
              <TableCell>{c.lastSyncAt ? <RelativeTime date={c.lastSyncAt} /> : never}</TableCell>
              <TableCell className="hidden md:table-cell">
                <RelativeTime date={c.connectedAt} />
              </TableCell>
              <TableCell className="hidden max-w-xs truncate md:table-cell" title={c.lastError ?? undefined}>
                {c.lastError ?? "—"}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export function SessionsTable({ sessions }: { sessions: SessionRow[] }) {
  if (sessions.length === 0) return <p className="text-sm text-zinc-500">Not signed in anywhere.</p>;
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Device</TableHead>
            <TableHead>Last seen</TableHead>
            <TableHead className="hidden md:table-cell">Signed in</TableHead>
            <TableHead className="hidden md:table-cell">IP</TableHead>
            <TableHead className="hidden md:table-cell">How</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sessions.map((s) => (
            <TableRow key={s.id}>
              <TableCell>{s.device}</TableCell>
              <TableCell>
                <RelativeTime date={s.lastSeenAt} />
              </TableCell>
              <TableCell className="hidden md:table-cell">
                <RelativeTime date={s.createdAt} />
              </TableCell>
              <TableCell className="hidden md:table-cell">{s.ip ?? "—"}</TableCell>
              <TableCell className="hidden md:table-cell">{s.factor ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
