import { Users } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button-variants";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * The team plan's upgrade message, with the text of the FORBIDDEN error the plan guard gives
 * (a local stand-in for components/plans/upgrade-notice.tsx).
 */
export function TeamUpgradeNotice({ message }: { message: string }) {
  return (
    <EmptyState
      icon={<Users />}
      title="Run a team on BioSync"
      description={<p role="status">{message}</p>}
      action={
        <Link href="/settings/plan" className={buttonVariants()}>
          See plans
        </Link>
      }
    />
  );
}
