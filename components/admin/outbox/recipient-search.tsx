import { Search } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A plain GET form: works without JavaScript and keeps the search in the URL. */
export function RecipientSearch({ value }: { value: string | undefined }) {
  return (
    <form role="search" action="/admin/outbox" method="get" className="mb-4 flex flex-wrap items-center gap-2">
      <label htmlFor="outbox-to" className="sr-only">
        Recipient
      </label>
      <Input id="outbox-to" name="to" type="search" defaultValue={value} placeholder="Search by recipient" className="max-w-xs" autoComplete="off" />
      <Button type="submit" variant="secondary">
        <Search className="size-4" aria-hidden />
        Search
      </Button>
      {value ? (
        <Button asChild variant="ghost">
          <Link href="/admin/outbox">Clear</Link>
        </Button>
      ) : null}
    </form>
  );
}
