import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { providerPriorities } from "@/db/schema";
import { DEFAULT_PROVIDER_PRIORITY } from "../metrics";
import { isRegisteredProvider } from "../providers/registry";
import { PROVIDER_IDS, type ProviderId } from "../types";

/**
 * The one provider order, read by the rollup (which source wins a metric) and by the devices page
 * (the list the user reorders): the user's saved ranks first, then the default order, then any
 * other source.
 */

/** Sources whose order the user can set: every registered provider plus Apple Health imports. */
export const PRIORITY_SOURCES: readonly ProviderId[] = PROVIDER_IDS.filter((id) => isRegisteredProvider(id) || id === "apple_health");

const DEFAULT_INDEX = new Map<string, number>(DEFAULT_PROVIDER_PRIORITY.map((p, i) => [p, i]));

/** Rank of a source (lower wins) given the user's saved ranks. */
export function rankingFrom(saved: ReadonlyMap<string, number>): (source: string) => number {
  const afterSaved = Math.max(0, ...saved.values()) + 1;
  return (source) => saved.get(source) ?? afterSaved + (DEFAULT_INDEX.get(source) ?? DEFAULT_PROVIDER_PRIORITY.length);
}

/** The user's provider ranking (lower wins). */
export async function providerRanking(db: Database, userId: string): Promise<(source: string) => number> {
  const rows = await db.select({ provider: providerPriorities.provider, rank: providerPriorities.rank }).from(providerPriorities).where(eq(providerPriorities.userId, userId));
  return rankingFrom(new Map(rows.map((r) => [r.provider, r.rank])));
}

/** The user's provider order, highest priority first. */
export async function getProviderPriority(db: Database, userId: string): Promise<ProviderId[]> {
  const rank = await providerRanking(db, userId);
  return [...PRIORITY_SOURCES].sort((a, b) => rank(a) - rank(b));
}
