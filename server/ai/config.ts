import { aiEnv } from "../env";

/** How the AI gateway reaches its model; `apiKey: null` switches every AI feature to its fallback text. */
export interface AiConfig {
  apiKey: string | null;
  /** An OpenAI-compatible API; null: the client's default (api.openai.com/v1). */
  baseURL: string | null;
  model: string;
  /** Sent with every request as max_completion_tokens. */
  maxOutputTokens: number;
  /** One attempt, no retries: a slow model costs the recompute this much at most. */
  timeoutMs: number;
  /** Prompts longer than this (characters of the messages' JSON) are refused, not sent. */
  maxPromptChars: number;
  /** Calls per user and feature in 24 hours; beyond it the fallback is used without a call. */
  maxRequestsPerDay: number;
}

export const AI_TIMEOUT_MS = 10_000;
/** About 3,000 tokens: far above what the aggregates of one feature need. */
export const AI_MAX_PROMPT_CHARS = 12_000;
/** A recompute runs after every sync (debounced): enough for one narrated recompute an hour and then some. */
export const AI_MAX_REQUESTS_PER_DAY = 48;

export function aiConfigFromEnv(): AiConfig {
  const e = aiEnv();
  return {
    apiKey: e.OPENAI_API_KEY ?? null,
    baseURL: e.OPENAI_BASE_URL ?? null,
    model: e.AI_MODEL,
    maxOutputTokens: e.AI_MAX_OUTPUT_TOKENS,
    timeoutMs: AI_TIMEOUT_MS,
    maxPromptChars: AI_MAX_PROMPT_CHARS,
    maxRequestsPerDay: AI_MAX_REQUESTS_PER_DAY,
  };
}
