import type { Database } from "@/db";
import type { PlanId } from "./catalog";
import { saveSubscription } from "./subscriptions";

/** Puts a test user on a plan, as an admin setting it by hand would. */
export async function onPlan(db: Database, userId: string, plan: PlanId): Promise<void> {
  await saveSubscription(db, userId, { plan, status: "active", source: "manual" });
}
