import OpenAI from "openai";
import type { AiConfig } from "./config";

export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

export interface ChatAnswer {
  content: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
}

/**
 * One chat completion asking for a JSON object: one attempt (no retries, so a failing provider
 * is asked once per recompute, not three times), a short timeout, the output token cap.
 */
export async function completeJson(config: AiConfig & { apiKey: string }, messages: ChatMessage[]): Promise<ChatAnswer> {
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL ?? undefined, timeout: config.timeoutMs, maxRetries: 0 });
  const completion = await client.chat.completions.create(
    {
      model: config.model,
      messages,
      max_completion_tokens: config.maxOutputTokens,
      response_format: { type: "json_object" },
      temperature: 0.4,
    },
    // The SDK's timeout covers the wait for headers; this one covers a body that never ends too.
    { signal: AbortSignal.timeout(config.timeoutMs) },
  );
  return {
    content: completion.choices[0]?.message?.content ?? null,
    inputTokens: completion.usage?.prompt_tokens ?? null,
    outputTokens: completion.usage?.completion_tokens ?? null,
  };
}
