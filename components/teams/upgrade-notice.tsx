import { Users } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button-variants";
import { EmptyState } from "@/components/ui/empty-state";
import { PLAN_PAGE } from "@/server/account/plans/labels";

/**
 * The team page's empty state on a plan without the team dashboard, with the text of the plan
 * guard's FORBIDDEN error (inline refusals elsewhere use components/plans/upgrade-notice.tsx).
 */
export function TeamUpgradeNotice({ message }: { message: string }) {
  return (
    <EmptyState
      icon={<Users />}
      title="Run a team on BioSync"
      description={<p role="status">{message}</p>}
      action={
        <Link href={PLAN_PAGE} className={buttonVariants()}>
          See plans
        </Link>
      }
    />
  );
}
