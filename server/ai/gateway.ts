import { and, count, desc, eq, gte } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db";
import { aiRequests } from "@/db/schema/analytics";
import { users } from "@/db/schema/auth";
import { logger } from "../logger";
import { completeJson, type ChatMessage } from "./client";
import { aiConfigFromEnv, type AiConfig } from "./config";
import { sanitizeFacts } from "./sanitize";

/*
 * The one way BioSync asks a language model for anything. A feature hands over aggregates (facts),
 * the names of the fact fields it means to send, the zod schema of the answer it wants and the
 * deterministic value to use otherwise. The gateway removes what must not leave (see sanitize.ts),
 * caps the prompt and the output, asks once with a short timeout, validates the answer and records
 * every call in ai_requests. It never throws for the model's sake: the fallback is the answer.
 */

export interface NarrateRequest<T, F = T> {
  userId: string;
  /** Which feature asks, e.g. "recommendations" (recorded, and the unit of the daily cap). */
  feature: string;
  /** The system message: the feature's own words (code, never user data), asking for a JSON object. */
  instructions: string;
  facts: Record<string, unknown>;
  /** Fact field names that may be sent (any depth); everything else is dropped. */
  allow: readonly string[];
  schema: z.ZodType<T>;
  /** What the feature uses without a valid answer (e.g. null: "no narrative"). */
  fallback: F;
}

/**
 * ok: the model's answer; cached: an identical prompt's answer from the last 24 h (no call);
 * invalid / failed: the fallback after a bad answer / a failed, timed-out or refused call (recorded);
 * disabled: no key set; capped: the feature's calls for this user in 24 h are used up; paused: its
 * last call failed less than FAILURE_PAUSE_MS ago (the last three: no call, no row).
 */
export type NarrationOutcome = "ok" | "cached" | "invalid" | "failed" | "disabled" | "capped" | "paused";

export interface Narration<T> {
  value: T;
  source: "ai" | "fallback";
  outcome: NarrationOutcome;
}

const PROVIDER = "openai";
const DAY_MS = 86_400_000;
/** After a failed call, the next one waits this long: a provider that is down is not asked on every sync. */
export const FAILURE_PAUSE_MS = 15 * 60_000;
const MAX_STORED_ANSWER = 16_000;
const MAX_STORED_ERROR = 500;

export async function narrate<T, F = T>(db: Database, request: NarrateRequest<T, F>, config: AiConfig = aiConfigFromEnv()): Promise<Narration<T | F>> {
  const fallback = (outcome: NarrationOutcome): Narration<T | F> => ({ value: request.fallback, source: "fallback", outcome });
  const { apiKey } = config;
  if (!apiKey) return fallback("disabled");

  const [owner] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, request.userId));
  const { facts, removed } = sanitizeFacts(request.facts, { allow: request.allow, secrets: [owner?.name, owner?.email] });
  if (removed.length) logger.debug({ feature: request.feature, removed }, "AI gateway: fields removed from the prompt");
  const messages: ChatMessage[] = [
    { role: "system", content: request.instructions },
    { role: "user", content: JSON.stringify(facts) },
  ];
  const promptText = JSON.stringify(messages);

  const since = new Date(Date.now() - DAY_MS);
  const recent = and(eq(aiRequests.userId, request.userId), eq(aiRequests.feature, request.feature), gte(aiRequests.createdAt, since));
  const [lastOk] = await db.select({ prompt: aiRequests.prompt, answer: aiRequests.answer }).from(aiRequests).where(and(recent, eq(aiRequests.outcome, "ok"))).orderBy(desc(aiRequests.createdAt)).limit(1);
  if (lastOk?.answer && sortedJson(lastOk.prompt) === sortedJson(messages)) {
    const reused = parseAnswer(lastOk.answer, request.schema);
    if (reused.ok) return { value: reused.value, source: "ai", outcome: "cached" };
  }
  const [last] = await db.select({ outcome: aiRequests.outcome, createdAt: aiRequests.createdAt }).from(aiRequests).where(recent).orderBy(desc(aiRequests.createdAt)).limit(1);
  if (last?.outcome === "failed" && Date.now() - last.createdAt.getTime() < FAILURE_PAUSE_MS) return fallback("paused");
  const [{ calls } = { calls: 0 }] = await db.select({ calls: count() }).from(aiRequests).where(recent);
  if (calls >= config.maxRequestsPerDay) return fallback("capped");

  const record = async (row: { outcome: "ok" | "invalid" | "failed"; answer?: string | null; error?: string; inputTokens?: number | null; outputTokens?: number | null }) => {
    await db.insert(aiRequests).values({
      userId: request.userId,
      feature: request.feature,
      provider: PROVIDER,
      model: config.model,
      prompt: messages,
      answer: row.answer?.slice(0, MAX_STORED_ANSWER) ?? null,
      outcome: row.outcome,
      error: row.error?.slice(0, MAX_STORED_ERROR) ?? null,
      inputTokens: row.inputTokens ?? null,
      outputTokens: row.outputTokens ?? null,
    });
  };

  if (promptText.length > config.maxPromptChars) {
    await record({ outcome: "failed", error: `prompt of ${promptText.length} characters over the cap of ${config.maxPromptChars}: not sent` });
    return fallback("failed");
  }

  let answer;
  try {
    answer = await completeJson({ ...config, apiKey }, messages);
  } catch (error) {
    await record({ outcome: "failed", error: describeFailure(error) });
    logger.warn({ feature: request.feature, error: describeFailure(error) }, "AI gateway: the call failed; using the fallback");
    return fallback("failed");
  }
  const tokens = { inputTokens: answer.inputTokens, outputTokens: answer.outputTokens };
  const parsed = parseAnswer(answer.content, request.schema);
  if (!parsed.ok) {
    await record({ outcome: "invalid", answer: answer.content, error: parsed.error, ...tokens });
    return fallback("invalid");
  }
  await record({ outcome: "ok", answer: answer.content, ...tokens });
  return { value: parsed.value, source: "ai", outcome: "ok" };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** The answer as a JSON object (a ```json fence some models add is tolerated) checked by `schema`. */
export function parseAnswer<T>(content: string | null, schema: z.ZodType<T>): Parsed<T> {
  if (!content?.trim()) return { ok: false, error: "empty answer" };
  const unfenced = content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/, "$1");
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch {
    return { ok: false, error: "the answer is not JSON" };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, error: `the answer does not match the schema: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, value: result.data };
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    return `${error.name}${typeof status === "number" ? ` ${status}` : ""}: ${error.message}`;
  }
  return String(error);
}

/** JSON with object keys sorted (jsonb does not keep the order they were written in). */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
