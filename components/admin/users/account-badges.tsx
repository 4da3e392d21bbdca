import { Badge } from "@/components/ui/badge";
import { PLANS, type PlanId } from "@/server/account/plans/catalog";

export function PlanBadge({ plan }: { plan: PlanId }) {
  return <Badge variant={plan === "free" ? "neutral" : "default"}>{PLANS[plan].name}</Badge>;
}

export function StatusBadge({ disabled }: { disabled: boolean }) {
  return disabled ? <Badge variant="danger">Disabled</Badge> : <Badge variant="success">Active</Badge>;
}
