import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { correlations } from "@/db/schema";
import { decodeKeyCursor, toKeyPage, type Paginated, type PaginationInput } from "../../../pagination";
import type { CorrelationView } from "./schemas";

export interface CorrelationListInput extends PaginationInput {
  /** Only pairs that survived the false-discovery control (the default). */
  significantOnly: boolean;
}

/** Significant pairs first, then by q value: the order the page lists them and the cursor follows. */
const rank = sql`(case when ${correlations.significant} then 0 else 1 end)`;
const keysOf = (row: CorrelationView) => [row.significant ? 0 : 1, row.qValue] as const;

/** The user's tested pairs from the last recompute, significant first, paged by (significance, q, id). */
export async function listCorrelations(db: Database, userId: string, input: CorrelationListInput): Promise<Paginated<CorrelationView>> {
  const after = decodeKeyCursor(input.cursor, 2);
  const rows = await db
    .select({
      id: correlations.id,
      computedOn: correlations.computedOn,
      x: correlations.x,
      y: correlations.y,
      lag: correlations.lag,
      kind: correlations.kind,
      n: correlations.n,
      pearsonR: correlations.pearsonR,
      spearmanRho: correlations.spearmanRho,
      qValue: correlations.qValue,
      significant: correlations.significant,
      effect: correlations.effect,
      effectLow: correlations.effectLow,
      effectHigh: correlations.effectHigh,
      strength: correlations.strength,
      sentence: correlations.sentence,
    })
    .from(correlations)
    .where(
      and(
        eq(correlations.userId, userId),
        input.significantOnly ? eq(correlations.significant, true) : undefined,
        after ? sql`(${rank}, ${correlations.qValue}, ${correlations.id}) > (${after.keys[0]}::int, ${after.keys[1]}::float8, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(rank, correlations.qValue, correlations.id)
    .limit(input.limit + 1);
  return toKeyPage(rows, input.limit, keysOf);
}

/** How many pairs the last recompute tested and how many were significant. */
export async function correlationSummary(db: Database, userId: string) {
  const [row] = await db
    .select({
      computedOn: sql<string | null>`max(${correlations.computedOn})::text`,
      tested: sql<number>`count(*)::int`,
      significant: sql<number>`(count(*) filter (where ${correlations.significant}))::int`,
    })
    .from(correlations)
    .where(eq(correlations.userId, userId));
  return { computedOn: row?.computedOn ?? null, tested: row?.tested ?? 0, significant: row?.significant ?? 0 };
}

const strengthRank = sql`(case ${correlations.strength} when 'strong' then 0 when 'moderate' then 1 else 2 end)`;

/**
 * The strongest significant pair of the last recompute: strong before moderate before weak (the
 * classes put r and relative differences on one scale), then the smallest q, then the pair's name.
 */
export async function strongestSignificantCorrelation(db: Database, userId: string) {
  const [row] = await db
    .select({ x: correlations.x, y: correlations.y, lag: correlations.lag, strength: correlations.strength, sentence: correlations.sentence, computedOn: correlations.computedOn })
    .from(correlations)
    .where(and(eq(correlations.userId, userId), eq(correlations.significant, true)))
    .orderBy(strengthRank, correlations.qValue, correlations.x, correlations.y, correlations.lag)
    .limit(1);
  return row ?? null;
}
