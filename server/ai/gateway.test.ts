import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { aiRequests } from "@/db/schema/analytics";
import { users } from "@/db/schema/auth";
import { withTestDb } from "@/db/testing";
import { FAILURE_PAUSE_MS, narrate, parseAnswer, type NarrateRequest } from "./gateway";
import { startFakeOpenAI, type FakeOpenAI } from "./testing/fake-openai";

const handle = withTestDb();
let fake: FakeOpenAI;
beforeAll(async () => void (fake = await startFakeOpenAI()));
afterAll(() => fake.close());

const NAME = "Wilhelmina Quillfeather";
const schema = z.object({ narrative: z.string().min(1).max(600) });

let seq = 0;
async function user(): Promise<string> {
  const [row] = await handle.db.insert(users).values({ email: `gw-${++seq}-wilhelmina@example.org`, name: NAME }).returning();
  return row!.id;
}

function request(userId: string, facts: Record<string, unknown> = { metric: "resting_heart_rate", delta: -3 }): NarrateRequest<{ narrative: string }, null> {
  return { userId, feature: "test", instructions: "Answer a JSON object {\"narrative\": string}.", facts, allow: ["metric", "delta", "label", "items"], schema, fallback: null };
}

const rowsOf = (userId: string) => handle.db.select().from(aiRequests).where(eq(aiRequests.userId, userId));

describe("narrate", () => {
  it("without a key makes no call, writes no row and returns the fallback", async () => {
    const id = await user();
    const before = fake.requests.length;
    expect(await narrate(handle.db, request(id), fake.config({ apiKey: null }))).toEqual({ value: null, source: "fallback", outcome: "disabled" });
    expect(fake.requests.length).toBe(before);
    expect(await rowsOf(id)).toEqual([]);
  });

  it("uses and records a valid answer: prompt as sent, answer, tokens; the token cap and JSON mode are on the request", async () => {
    const id = await user();
    fake.reply({ content: JSON.stringify({ narrative: "Rest today." }), usage: { prompt_tokens: 42, completion_tokens: 7 } });
    const result = await narrate(handle.db, request(id), fake.config({ maxOutputTokens: 123 }));
    expect(result).toEqual({ value: { narrative: "Rest today." }, source: "ai", outcome: "ok" });
    const sent = fake.requests.at(-1)!;
    expect(sent.body.max_completion_tokens).toBe(123);
    expect(sent.body.response_format).toEqual({ type: "json_object" });
    expect(sent.body.model).toBe("gpt-4o-mini");
    const [row] = await rowsOf(id);
    expect(row).toMatchObject({ feature: "test", provider: "openai", model: "gpt-4o-mini", outcome: "ok", answer: '{"narrative":"Rest today."}', inputTokens: 42, outputTokens: 7, error: null });
    expect(row!.prompt).toEqual(sent.body.messages);
  });

  it("reuses the answer to an identical prompt of the last 24 h without a call", async () => {
    const id = await user();
    fake.reply({ content: '{"narrative":"Once."}' });
    await narrate(handle.db, request(id), fake.config());
    const calls = fake.requests.length;
    expect(await narrate(handle.db, request(id), fake.config())).toEqual({ value: { narrative: "Once." }, source: "ai", outcome: "cached" });
    expect(fake.requests.length).toBe(calls);
    expect(await narrate(handle.db, request(id, { metric: "resting_heart_rate", delta: -4 }), fake.config())).toMatchObject({ outcome: "ok" });
    expect(fake.requests.length).toBe(calls + 1);
  });

  it("never sends the user's name, email or a note planted in the facts", async () => {
    const id = await user();
    const [owner] = await handle.db.select().from(users).where(eq(users.id, id));
    fake.reply({ content: '{"narrative":"ok"}' });
    const planted = {
      metric: "steps",
      label: NAME,
      note: "Felt awful after the party at Quillfeather's",
      items: [{ label: owner!.email }, { label: "Wilhelmina" }, { metric: `mail ${owner!.email}` }, { text: "free text" }],
      delta: 2,
    };
    await narrate(handle.db, request(id, planted), fake.config());
    const raw = fake.requests.at(-1)!.raw.toLowerCase();
    for (const needle of [NAME, "wilhelmina", "quillfeather", owner!.email, "party", "free text", "@example.org"]) {
      expect(raw, needle).not.toContain(needle.toLowerCase());
    }
    expect(JSON.parse(fake.requests.at(-1)!.body.messages![1]!.content)).toEqual({ metric: "steps", items: [{}, {}, {}, {}], delta: 2 });
    const [row] = await rowsOf(id);
    expect(JSON.stringify(row!.prompt).toLowerCase()).not.toContain("quillfeather");
  });

  it("rejects an answer that is not JSON, and one that fails the schema, with the fallback; both recorded invalid", async () => {
    const id = await user();
    fake.reply({ content: "Sure! Here is your narrative: rest." });
    expect(await narrate(handle.db, request(id, { delta: 1 }), fake.config())).toEqual({ value: null, source: "fallback", outcome: "invalid" });
    fake.reply({ content: JSON.stringify({ narrative: "x".repeat(601) }) });
    expect(await narrate(handle.db, request(id, { delta: 2 }), fake.config())).toEqual({ value: null, source: "fallback", outcome: "invalid" });
    const rows = await rowsOf(id);
    expect(rows.map((r) => r.outcome)).toEqual(["invalid", "invalid"]);
    expect(rows.map((r) => r.error).sort()).toEqual(["the answer does not match the schema: narrative: Too big: expected string to have <=600 characters", "the answer is not JSON"]);
    expect(rows.every((r) => r.answer !== null && r.inputTokens !== null)).toBe(true);
  });

  it("falls back on HTTP 500 after one attempt (no retries), recorded failed, then pauses", async () => {
    const id = await user();
    fake.reply({ status: 500 });
    const before = fake.requests.length;
    expect(await narrate(handle.db, request(id), fake.config())).toEqual({ value: null, source: "fallback", outcome: "failed" });
    expect(fake.requests.length).toBe(before + 1);
    const [row] = await rowsOf(id);
    expect(row).toMatchObject({ outcome: "failed", answer: null });
    expect(row!.error).toMatch(/500/);
    // Within the pause after a failure the provider is not asked again, and nothing is recorded.
    expect(await narrate(handle.db, request(id), fake.config())).toMatchObject({ outcome: "paused" });
    expect(fake.requests.length).toBe(before + 1);
    await handle.db.update(aiRequests).set({ createdAt: new Date(Date.now() - FAILURE_PAUSE_MS - 1000) }).where(eq(aiRequests.userId, id));
    fake.reply({ content: '{"narrative":"back"}' });
    expect(await narrate(handle.db, request(id), fake.config())).toMatchObject({ outcome: "ok" });
  });

  it("falls back within the timeout when the provider hangs", async () => {
    const id = await user();
    fake.reply({ hang: true });
    const started = Date.now();
    expect(await narrate(handle.db, request(id), fake.config({ timeoutMs: 300 }))).toEqual({ value: null, source: "fallback", outcome: "failed" });
    expect(Date.now() - started).toBeLessThan(2_000);
    const [row] = await rowsOf(id);
    expect(row!.outcome).toBe("failed");
  });

  it("refuses a prompt over the size cap without sending it", async () => {
    const id = await user();
    const before = fake.requests.length;
    const items = Array.from({ length: 200 }, (_, i) => ({ metric: "resting_heart_rate", delta: i }));
    expect(await narrate(handle.db, request(id, { items }), fake.config({ maxPromptChars: 2_000 }))).toMatchObject({ outcome: "failed", source: "fallback" });
    expect(fake.requests.length).toBe(before);
    const [row] = await rowsOf(id);
    expect(row!.error).toMatch(/over the cap of 2000: not sent/);
  });

  it("stops calling at the daily cap per user and feature", async () => {
    const id = await user();
    fake.reply({ content: '{"narrative":"n"}' });
    expect(await narrate(handle.db, request(id, { delta: 1 }), fake.config({ maxRequestsPerDay: 2 }))).toMatchObject({ outcome: "ok" });
    expect(await narrate(handle.db, request(id, { delta: 2 }), fake.config({ maxRequestsPerDay: 2 }))).toMatchObject({ outcome: "ok" });
    const before = fake.requests.length;
    expect(await narrate(handle.db, request(id, { delta: 3 }), fake.config({ maxRequestsPerDay: 2 }))).toEqual({ value: null, source: "fallback", outcome: "capped" });
    expect(fake.requests.length).toBe(before);
  });
});

describe("parseAnswer", () => {
  it("accepts a fenced JSON object, rejects empty answers", () => {
    expect(parseAnswer('```json\n{"narrative":"a"}\n```', schema)).toEqual({ ok: true, value: { narrative: "a" } });
    expect(parseAnswer("", schema)).toEqual({ ok: false, error: "empty answer" });
    expect(parseAnswer(null, schema)).toEqual({ ok: false, error: "empty answer" });
  });
});
