import { z } from "zod";
import type { Database } from "@/db";
import type { AiConfig } from "../../../ai/config";
import { isEntitled } from "../../../account/plans/subscriptions";
import { narrate } from "../../../ai/gateway";
import type { Recommendation, RecommendationInput } from "./model";
import { unitOf } from "./units";

/*
 * Optional narrative text for today's recommendations, from one AI gateway call per recompute.
 * The model sees aggregates only: rule ids, priorities, expected changes with units, contributor z
 * and points, risk kinds and severities. No name, no date of birth, no journal text, no titles or
 * bodies (the deterministic text stays the product; the narrative is a retelling of it).
 */

/** Recorded as ai_requests.feature (a name unlike any procedure path or output key: the isolation matrix scans answers for the strings of rows). */
export const NARRATIVE_FEATURE = "recommendation-narratives";
export const MAX_NARRATIVE_CHARS = 600;

const INSTRUCTIONS = [
  "You write short coaching notes for a health app. The user message is a JSON object of facts about the user's day:",
  "score (the 0-100 energy score, its status and confidence 0-1), contributors (z: standard deviations from the user's normal, positive is better; points: effect on the score),",
  "risks (kind, severity, days running) and items (recommendations: id, priority 1 = most urgent, the metric it should change, delta in unit, basis).",
  `For every item write one to three plain, friendly sentences in the second person (at most ${MAX_NARRATIVE_CHARS} characters) that explain why it matters today and what to do, using only these facts.`,
  "Do not diagnose, do not name illnesses as certain, do not invent numbers, do not address the user by name.",
  'Answer with a JSON object only: {"items":[{"id":"<item id>","narrative":"<text>"}]}, one entry per item, same ids.',
].join(" ");

export const NARRATIVE_FACT_FIELDS = [
  "date",
  "score",
  "value",
  "status",
  "confidence",
  "contributors",
  "key",
  "z",
  "points",
  "risks",
  "kind",
  "severity",
  "days",
  "items",
  "id",
  "priority",
  "metric",
  "delta",
  "unit",
  "basis",
] as const;

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function narrativeFacts(input: RecommendationInput, recommendations: Recommendation[]): Record<string, unknown> {
  const day = input.score;
  return {
    date: input.today,
    score: day && day.score !== null ? { value: day.score, status: day.status, confidence: round(day.confidence, 2) } : null,
    contributors: (day?.contributors ?? []).filter((c) => c.z !== null).map((c) => ({ key: c.key, z: round(c.z!, 1), points: round(c.points, 1) })),
    risks: input.risks.map((r) => ({ kind: r.kind, severity: r.severity, days: r.evidence.days.length })),
    items: recommendations.map((r) => ({
      id: r.ruleId,
      priority: r.priority,
      metric: r.expectedImpact.metric,
      delta: r.expectedImpact.delta,
      unit: unitOf(r.expectedImpact.metric),
      basis: r.basis.map((b) => `${b.kind}: ${b.ref.replaceAll("|", " / ")}`),
    })),
  };
}

/** The answer: a narrative per recommendation, only for ids that were asked about, each at most once. */
export function narrativeSchema(ids: readonly string[]) {
  return z.object({
    items: z
      .array(z.object({ id: z.enum(ids as [string, ...string[]]), narrative: z.string().trim().min(1).max(MAX_NARRATIVE_CHARS) }))
      .min(1)
      .max(ids.length)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, "each id at most once"),
  });
}

/**
 * Narratives by rule id (empty when no key is set, the call failed or the answer was invalid). A plan
 * without AI narratives gets no call and null for every rule: the deterministic text, and a narrative
 * kept from an earlier plan is cleared.
 */
export async function narrateRecommendations(
  db: Database,
  userId: string,
  input: RecommendationInput,
  recommendations: Recommendation[],
  config?: AiConfig,
): Promise<Map<string, string | null>> {
  if (!recommendations.length) return new Map();
  if (!(await isEntitled(db, userId, "ai-narrative"))) return new Map(recommendations.map((r) => [r.ruleId, null]));
  const result = await narrate(
    db,
    {
      userId,
      feature: NARRATIVE_FEATURE,
      instructions: INSTRUCTIONS,
      facts: narrativeFacts(input, recommendations),
      allow: NARRATIVE_FACT_FIELDS,
      schema: narrativeSchema(recommendations.map((r) => r.ruleId)),
      fallback: null,
    },
    config,
  );
  return new Map<string, string | null>((result.value?.items ?? []).map((i) => [i.id, i.narrative]));
}
