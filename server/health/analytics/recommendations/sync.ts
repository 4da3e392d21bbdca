import { and, eq, inArray } from "drizzle-orm";
import { recommendations } from "@/db/schema";
import { locatorKey } from "../../../sync/protocol";
import { serverMutator } from "../../../sync/mutators";
import { markRecommendation } from "./action-plan";
import { markRecommendationMutation } from "./sync-mutations";

export const markRecommendationSync = serverMutator({
  def: markRecommendationMutation,
  current: async (db, userId, locators) => {
    const ids = locators.map((l) => String(l.id));
    const rows = ids.length
      ? await db
          .select({ id: recommendations.id, status: recommendations.status, updatedAt: recommendations.updatedAt })
          .from(recommendations)
          .where(and(eq(recommendations.userId, userId), inArray(recommendations.id, ids)))
      : [];
    return new Map(rows.map((row) => [locatorKey({ id: row.id }), { fields: { status: row.status }, updatedAt: row.updatedAt }]));
  },
  apply: async (db, context, items) => {
    for (const item of items) await markRecommendation(db, context.userId, item.args.id, item.args.status);
  },
});
