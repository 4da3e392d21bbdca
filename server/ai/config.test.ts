import { afterEach, describe, expect, it, vi } from "vitest";
import { aiEnv } from "../env";
import { aiConfigFromEnv } from "./config";

afterEach(() => vi.unstubAllEnvs());

describe("the AI gateway's configuration", () => {
  it("is off without a key and has documented defaults", () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    expect(aiConfigFromEnv()).toEqual({ apiKey: null, baseURL: null, model: "gpt-4o-mini", maxOutputTokens: 600, timeoutMs: 10_000, maxPromptChars: 12_000, maxRequestsPerDay: 48 });
  });

  it("is read on each call (a test can point it at a fake it started later)", () => {
    vi.stubEnv("OPENAI_API_KEY", "sk-one");
    vi.stubEnv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
    vi.stubEnv("AI_MODEL", "gpt-4.1-mini");
    vi.stubEnv("AI_MAX_OUTPUT_TOKENS", "256");
    expect(aiConfigFromEnv()).toMatchObject({ apiKey: "sk-one", baseURL: "http://127.0.0.1:9/v1", model: "gpt-4.1-mini", maxOutputTokens: 256 });
    vi.stubEnv("OPENAI_API_KEY", "sk-two");
    expect(aiConfigFromEnv().apiKey).toBe("sk-two");
  });

  it("names bad values", () => {
    expect(() => aiEnv({ OPENAI_BASE_URL: "not a url" })).toThrow(/OPENAI_BASE_URL/);
    expect(() => aiEnv({ AI_MAX_OUTPUT_TOKENS: "100000" })).toThrow(/AI_MAX_OUTPUT_TOKENS/);
  });
});
