import { Watch } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** The empty state of a body page: what is missing, and the one thing that fills it. */
export function NoData({ title, description, testId }: { title: string; description: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <EmptyState
        icon={<Watch />}
        title={title}
        description={description}
        action={
          <Button asChild>
            <Link href="/devices">Connect a device</Link>
          </Button>
        }
        className="min-h-64"
      />
    </div>
  );
}

/** In place of one chart of a body page that has data, but none of this chart's in the range. */
export function NoneInRange({ what }: { what: string }) {
  return <p className="rounded-md border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">No {what} in this range.</p>;
}
