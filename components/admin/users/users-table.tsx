import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PlanId } from "@/server/account/plans/catalog";
import { PlanBadge, StatusBadge } from "./account-badges";

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: "user" | "admin";
  status: "active" | "disabled";
  plan: PlanId;
  lastSeenAt: Date | null;
  createdAt: Date;
}

/** Accounts found by the search; the email links to the account's page. */
export function UsersTable({ users }: { users: UserRow[] }) {
  return (
    <div className="overflow-x-auto">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Account</TableHead>
            <TableHead>Plan</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="hidden md:table-cell">Last seen</TableHead>
            <TableHead className="hidden md:table-cell">Joined</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.id}>
              <TableCell className="max-w-[16rem]">
                <Link href={`/admin/users/${user.id}`} className="break-all font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
                  {user.email}
                </Link>
                <p className="text-xs text-zinc-500">
                  {user.name ?? "No name"}
                  {user.role === "admin" ? " · admin" : ""}
                </p>
              </TableCell>
              <TableCell>
                <PlanBadge plan={user.plan} />
              </TableCell>
              <TableCell>
                <StatusBadge disabled={user.status === "disabled"} />
              </TableCell>
              <TableCell className="hidden md:table-cell">{user.lastSeenAt ? <RelativeTime date={user.lastSeenAt} /> : <span className="text-zinc-400">Never</span>}</TableCell>
              <TableCell className="hidden md:table-cell">
                <RelativeTime date={user.createdAt} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
