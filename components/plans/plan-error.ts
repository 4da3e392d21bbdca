import { PLANS, type PlanId } from "@/server/account/plans/catalog";
import { PLAN_ERROR_REASONS } from "@/server/account/plans/reasons";

/** What a refused call said about the plan, read from a tRPC error's data (reason and details). */
export interface PlanError {
  reason: (typeof PLAN_ERROR_REASONS)[keyof typeof PLAN_ERROR_REASONS];
  message: string;
  /** The plan that would allow it (absent when no plan allows more). */
  requiredPlan: PlanId | null;
  /** For a daily allowance: the allowance, all of it used today. */
  limit: number | null;
}

const KNOWN = new Set<string>(Object.values(PLAN_ERROR_REASONS));

/** The plan error of a failed query or mutation, or null when it failed for another reason. */
export function planErrorOf(error: unknown): PlanError | null {
  if (!error || typeof error !== "object") return null;
  const data = (error as { data?: { reason?: unknown; details?: Record<string, unknown> | null } | null }).data;
  const reason = data?.reason;
  if (typeof reason !== "string" || !KNOWN.has(reason)) return null;
  const details = data?.details ?? {};
  const required = typeof details.requiredPlan === "string" && details.requiredPlan in PLANS ? (details.requiredPlan as PlanId) : null;
  return {
    reason: reason as PlanError["reason"],
    message: error instanceof Error ? error.message : "Your plan does not include this.",
    requiredPlan: required,
    limit: typeof details.limit === "number" ? details.limit : null,
  };
}
