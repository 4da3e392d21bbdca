import Link from "next/link";
import { Button } from "@/components/ui/button";

interface CursorPagerProps {
  /** The list's path with its current filters, e.g. "/admin/jobs?status=failed". */
  basePath: string;
  /** Whether the page shown is not the first one. */
  paged: boolean;
  nextCursor: string | null;
}

/** Newest-first keyset paging: back to the newest entries, or on to older ones. */
export function CursorPager({ basePath, paged, nextCursor }: CursorPagerProps) {
  if (!paged && !nextCursor) return null;
  const withCursor = (cursor: string) => `${basePath}${basePath.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-2">
      {paged ? (
        <Button asChild variant="outline" size="sm">
          <Link href={basePath}>← Newest</Link>
        </Button>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Button asChild variant="outline" size="sm">
          <Link href={withCursor(nextCursor)}>Older →</Link>
        </Button>
      ) : null}
    </nav>
  );
}
