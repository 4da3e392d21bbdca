import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { auditActions } from "@/server/platform/audit/audit";

export interface AuditFilterValues {
  action?: string;
  actor?: string;
  subject?: string;
  /** YYYY-MM-DD, UTC days, both inclusive. */
  from?: string;
  to?: string;
}

const selectClass =
  "flex h-10 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 dark:border-zinc-700 dark:bg-zinc-900";

/** A GET form: the filters live in the URL (shareable, back-button friendly, no JavaScript needed). */
export function AuditFilters({ values }: { values: AuditFilterValues }) {
  const active = Object.values(values).some(Boolean);
  return (
    <form role="search" aria-label="Filter the audit log" action="/admin/audit" method="get" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      <div className="flex flex-col gap-1.5 lg:col-span-2">
        <Label htmlFor="audit-action">Action</Label>
        <select id="audit-action" name="action" defaultValue={values.action ?? ""} className={selectClass}>
          <option value="">Any action</option>
          {auditActions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-actor">Actor email</Label>
        <Input id="audit-actor" name="actor" type="search" defaultValue={values.actor} autoComplete="off" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-subject">Subject email</Label>
        <Input id="audit-subject" name="subject" type="search" defaultValue={values.subject} autoComplete="off" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-from">From (UTC)</Label>
        <Input id="audit-from" name="from" type="date" defaultValue={values.from} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="audit-to">To (UTC)</Label>
        <Input id="audit-to" name="to" type="date" defaultValue={values.to} />
      </div>
      <div className="flex gap-2 lg:col-span-6">
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {active ? (
          <Button asChild variant="ghost">
            <Link href="/admin/audit">Clear</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
