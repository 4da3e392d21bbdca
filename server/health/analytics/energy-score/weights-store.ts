import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { analyticsSettings, energyScores, scoreWeightOverrides } from "@/db/schema/analytics";
import { AppError } from "../../../errors";
import { recordAudit } from "../../../platform/audit/audit";
import { requestInsightsRecompute } from "../recompute-request";
import type { ScoreWeights } from "../types";
import { cleanWeights, DEFAULT_SCORE_WEIGHTS, effectiveWeights, weighsSomething, type EffectiveWeights } from "./weights";

/** The `analytics_settings` key of the admin-set default weights. */
export const SCORE_WEIGHTS_SETTING = "score-weights";

/** The layers of a user's weights, lowest first, and what they add up to. */
export interface WeightLayers {
  defaults: EffectiveWeights;
  adminDefaults: ScoreWeights;
  overrides: ScoreWeights;
  effective: EffectiveWeights;
}

export interface AdminWeights {
  defaults: EffectiveWeights;
  adminDefaults: ScoreWeights;
  /** The documented defaults under the admin's: what a user without overrides gets. */
  effective: EffectiveWeights;
  updatedAt: Date | null;
}

async function adminRow(db: Database) {
  const [row] = await db.select().from(analyticsSettings).where(eq(analyticsSettings.key, SCORE_WEIGHTS_SETTING));
  return row;
}

export async function adminScoreWeights(db: Database): Promise<AdminWeights> {
  const row = await adminRow(db);
  const adminDefaults = cleanWeights(row?.value);
  return { defaults: { ...DEFAULT_SCORE_WEIGHTS }, adminDefaults, effective: effectiveWeights(adminDefaults, {}), updatedAt: row?.updatedAt ?? null };
}

/** Resolution order: documented defaults, then the admin's defaults, then the user's own overrides. */
export async function scoreWeightLayers(db: Database, userId: string): Promise<WeightLayers> {
  const [admin, [own]] = await Promise.all([adminRow(db), db.select().from(scoreWeightOverrides).where(eq(scoreWeightOverrides.userId, userId))]);
  const adminDefaults = cleanWeights(admin?.value);
  const overrides = cleanWeights(own?.weights);
  return { defaults: { ...DEFAULT_SCORE_WEIGHTS }, adminDefaults, overrides, effective: effectiveWeights(adminDefaults, overrides) };
}

export async function effectiveScoreWeights(db: Database, userId: string): Promise<EffectiveWeights> {
  return (await scoreWeightLayers(db, userId)).effective;
}

const nothingWeighted = () => AppError.field("weights", "Give at least one contributor besides the journal a weight above 0.");

/**
 * Replaces the user's overrides with `overrides` (keys left out follow the defaults again) and asks
 * for a recompute, so the stored scores follow the new weights.
 */
export async function setUserScoreWeights(db: Database, userId: string, overrides: ScoreWeights): Promise<WeightLayers> {
  const admin = cleanWeights((await adminRow(db))?.value);
  if (!weighsSomething(effectiveWeights(admin, overrides))) throw nothingWeighted();
  await db
    .insert(scoreWeightOverrides)
    .values({ userId, weights: overrides })
    .onConflictDoUpdate({ target: scoreWeightOverrides.userId, set: { weights: overrides, updatedAt: sql`now()` } });
  await requestInsightsRecompute(db, userId, "weights");
  return scoreWeightLayers(db, userId);
}

export async function resetUserScoreWeights(db: Database, userId: string): Promise<WeightLayers> {
  const removed = await db.delete(scoreWeightOverrides).where(eq(scoreWeightOverrides.userId, userId)).returning({ userId: scoreWeightOverrides.userId });
  if (removed.length > 0) await requestInsightsRecompute(db, userId, "weights");
  return scoreWeightLayers(db, userId);
}

/**
 * Replaces the admin-set defaults (an empty set: the documented defaults again), records it in the
 * audit trail, and asks for a recompute of every user who has scores.
 */
export async function setAdminScoreWeights(db: Database, adminId: string, weights: ScoreWeights, ip?: string): Promise<AdminWeights> {
  if (!weighsSomething(effectiveWeights(weights, {}))) throw nothingWeighted();
  await db.transaction(async (tx) => {
    const before = cleanWeights((await adminRow(tx))?.value);
    await tx
      .insert(analyticsSettings)
      .values({ key: SCORE_WEIGHTS_SETTING, value: weights, updatedBy: adminId })
      .onConflictDoUpdate({ target: analyticsSettings.key, set: { value: weights, updatedBy: adminId, updatedAt: sql`now()` } });
    await recordAudit(tx, {
      action: "analytics.score-weights-changed",
      actorUserId: adminId,
      target: { type: "analytics-setting", id: SCORE_WEIGHTS_SETTING },
      ip: ip ?? null,
      details: { before, after: weights },
    });
  });
  const scored = await db.selectDistinct({ userId: energyScores.userId }).from(energyScores);
  for (const { userId } of scored) await requestInsightsRecompute(db, userId, "weights");
  return adminScoreWeights(db);
}
