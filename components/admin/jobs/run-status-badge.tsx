import { Badge } from "@/components/ui/badge";
import type { JobRunStatus } from "@/db/schema";

const variants = {
  queued: "neutral",
  running: "default",
  completed: "success",
  failed: "danger",
  cancelled: "outline",
} as const satisfies Record<JobRunStatus, string>;

export function RunStatusBadge({ status }: { status: JobRunStatus }) {
  return <Badge variant={variants[status]}>{status}</Badge>;
}
