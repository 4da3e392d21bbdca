import { and, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { webhookDeliveries } from "@/db/schema";

/** Whether webhooks accepted for the user still wait for the ingest job (stored, not yet processed). */
export async function hasUnprocessedDeliveries(db: Database, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.userId, userId), eq(webhookDeliveries.status, "received")))
    .limit(1);
  return row !== undefined;
}
